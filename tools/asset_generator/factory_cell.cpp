// Factory cell layout. Metres, +Y up, the visitor's walkway along +Z.
#include "factory_cell.h"

namespace usine::tools {
namespace {

// Linear colours (the shaders light in linear space).
const glm::vec4 kConcreteLight{0.42f, 0.42f, 0.40f, 1};
const glm::vec4 kConcreteDark{0.36f, 0.36f, 0.35f, 1};
const glm::vec4 kSafetyYellow{0.85f, 0.62f, 0.02f, 1};
const glm::vec4 kMachineBlue{0.05f, 0.16f, 0.42f, 1};
const glm::vec4 kSteel{0.62f, 0.63f, 0.65f, 1};
const glm::vec4 kRubber{0.03f, 0.03f, 0.035f, 1};
const glm::vec4 kCobotWhite{0.80f, 0.80f, 0.78f, 1};
const glm::vec4 kJointBlue{0.06f, 0.32f, 0.70f, 1};
const glm::vec4 kDarkGrey{0.08f, 0.08f, 0.09f, 1};
const glm::vec4 kWood{0.45f, 0.27f, 0.12f, 1};
const glm::vec4 kCardboard{0.55f, 0.38f, 0.20f, 1};
const glm::vec4 kBinBlue{0.04f, 0.22f, 0.55f, 1};
const glm::vec4 kPartOrange{0.90f, 0.30f, 0.03f, 1};
const glm::vec4 kCabinetGrey{0.55f, 0.57f, 0.58f, 1};
const glm::vec4 kStopRed{0.75f, 0.02f, 0.02f, 1};
const glm::vec4 kLightGreen{0.05f, 0.65f, 0.10f, 1};
const glm::vec4 kFenceGrey{0.20f, 0.21f, 0.22f, 1};

MeshBuilder floorTiles() {
    MeshBuilder floor;
    for (int x = -5; x < 5; ++x)
        for (int z = -4; z < 4; ++z)
            floor.floorQuad(float(x), float(z), float(x + 1), float(z + 1), 0,
                            ((x + z) & 1) ? kConcreteLight : kConcreteDark);
    // Walkway lines, a few millimetres above the floor so they never flicker.
    floor.floorQuad(-5, 1.90f, 5, 2.00f, 0.003f, kSafetyYellow);
    floor.floorQuad(-5, 3.30f, 5, 3.40f, 0.003f, kSafetyYellow);
    // The cobot's working zone, marked on the floor: collaborative robots work beside
    // people without a cage, so the zone is painted rather than fenced.
    floor.floorQuad(0.9f, -0.7f, 2.7f, -0.6f, 0.003f, kSafetyYellow);
    floor.floorQuad(0.9f, 1.0f, 2.7f, 1.1f, 0.003f, kSafetyYellow);
    floor.floorQuad(0.9f, -0.6f, 1.0f, 1.0f, 0.003f, kSafetyYellow);
    floor.floorQuad(2.6f, -0.6f, 2.7f, 1.0f, 0.003f, kSafetyYellow);
    return floor;
}

MeshBuilder conveyorFrame() {
    MeshBuilder frame;
    frame.box({-3.0f, 0.72f, -0.36f}, {3.0f, 0.82f, -0.30f}, kMachineBlue); // side rails
    frame.box({-3.0f, 0.72f, 0.30f}, {3.0f, 0.82f, 0.36f}, kMachineBlue);
    for (float x : {-2.8f, -1.0f, 1.0f, 2.8f}) { // legs with feet
        frame.box({x - 0.04f, 0, -0.34f}, {x + 0.04f, 0.72f, -0.30f}, kMachineBlue);
        frame.box({x - 0.04f, 0, 0.30f}, {x + 0.04f, 0.72f, 0.34f}, kMachineBlue);
        frame.box({x - 0.06f, 0.25f, -0.30f}, {x + 0.06f, 0.30f, 0.30f}, kMachineBlue);
    }
    return frame;
}

MeshBuilder conveyorBelt() {
    MeshBuilder belt;
    belt.box({-2.95f, 0.78f, -0.29f}, {2.95f, 0.80f, 0.29f}, kRubber);
    return belt;
}

MeshBuilder roller() {
    MeshBuilder r;
    r.cylinderX({-0.29f, 0, 0}, 0.045f, 0.58f, 16, kSteel);
    return r;
}

MeshBuilder cobot() {
    MeshBuilder arm;
    arm.box({-0.3f, 0, -0.3f}, {0.3f, 0.7f, 0.3f}, kCabinetGrey);             // pedestal
    arm.cylinder({0, 0.7f, 0}, 0.16f, 0.08f, 24, kDarkGrey);                 // base flange
    arm.cylinder({0, 0.78f, 0}, 0.12f, 0.30f, 24, kCobotWhite);              // shoulder column
    arm.cylinderX({-0.14f, 1.10f, 0}, 0.10f, 0.28f, 24, kJointBlue);         // shoulder joint
    arm.box({-0.07f, 1.10f, -0.07f}, {0.07f, 1.62f, 0.07f}, kCobotWhite);    // upper arm
    arm.cylinderX({-0.12f, 1.64f, 0}, 0.085f, 0.24f, 24, kJointBlue);        // elbow
    arm.box({-0.06f, 1.58f, 0.0f}, {0.06f, 1.70f, 0.48f}, kCobotWhite);      // forearm, reaching out
    arm.cylinder({0, 1.52f, 0.52f}, 0.06f, 0.18f, 20, kJointBlue);           // wrist
    arm.box({-0.07f, 1.42f, 0.46f}, {0.07f, 1.52f, 0.58f}, kDarkGrey);       // gripper body
    arm.box({-0.06f, 1.32f, 0.47f}, {-0.03f, 1.42f, 0.57f}, kSteel);         // fingers
    arm.box({0.03f, 1.32f, 0.47f}, {0.06f, 1.42f, 0.57f}, kSteel);
    return arm;
}

MeshBuilder fencePanel() {
    MeshBuilder panel;
    panel.box({-0.03f, 0, -0.03f}, {0.03f, 1.4f, 0.03f}, kSafetyYellow); // post
    panel.box({0.05f, 0.15f, -0.01f}, {1.45f, 1.35f, 0.01f}, kFenceGrey); // mesh panel
    panel.box({0.05f, 1.30f, -0.02f}, {1.45f, 1.35f, 0.02f}, kSafetyYellow);
    return panel;
}

MeshBuilder workbench() {
    MeshBuilder bench;
    bench.box({-0.8f, 0.86f, -0.4f}, {0.8f, 0.90f, 0.4f}, kWood);
    for (float x : {-0.75f, 0.71f})
        for (float z : {-0.35f, 0.31f}) bench.box({x, 0, z}, {x + 0.04f, 0.86f, z + 0.04f}, kSteel);
    bench.box({-0.75f, 0.2f, -0.35f}, {0.75f, 0.23f, 0.35f}, kSteel); // shelf
    return bench;
}

MeshBuilder partsBin() {
    MeshBuilder bin;
    bin.box({-0.15f, 0, -0.1f}, {0.15f, 0.02f, 0.1f}, kBinBlue);
    bin.box({-0.15f, 0, -0.1f}, {0.15f, 0.12f, -0.09f}, kBinBlue);
    bin.box({-0.15f, 0, 0.09f}, {0.15f, 0.12f, 0.1f}, kBinBlue);
    bin.box({-0.15f, 0, -0.1f}, {-0.14f, 0.12f, 0.1f}, kBinBlue);
    bin.box({0.14f, 0, -0.1f}, {0.15f, 0.12f, 0.1f}, kBinBlue);
    return bin;
}

MeshBuilder palletWithBoxes() {
    MeshBuilder pallet;
    for (float z : {-0.5f, -0.05f, 0.4f}) pallet.box({-0.6f, 0, z}, {0.6f, 0.1f, z + 0.1f}, kWood); // runners
    for (int i = 0; i < 7; ++i) {
        const float x = -0.6f + float(i) * 0.18f;
        pallet.box({x, 0.1f, -0.5f}, {x + 0.14f, 0.13f, 0.5f}, kWood); // deck boards
    }
    for (int i = 0; i < 4; ++i) { // cartons, two by two, the top ones shifted
        const float x = (i % 2) ? 0.02f : -0.58f;
        const float y = 0.13f + float(i / 2) * 0.4f;
        const float shift = (i / 2) ? 0.05f : 0.0f;
        pallet.box({x + shift, y, -0.45f}, {x + 0.54f + shift, y + 0.38f, 0.45f}, kCardboard);
    }
    return pallet;
}

MeshBuilder part() {
    MeshBuilder p;
    p.box({-0.12f, 0, -0.12f}, {0.12f, 0.10f, 0.12f}, kPartOrange);
    p.cylinder({0, 0.10f, 0}, 0.05f, 0.04f, 16, kSteel);
    return p;
}

MeshBuilder controlCabinet() {
    MeshBuilder cabinet;
    cabinet.box({-0.4f, 0, -0.25f}, {0.4f, 1.8f, 0.25f}, kCabinetGrey);
    cabinet.box({-0.35f, 1.2f, 0.25f}, {0.05f, 1.6f, 0.27f}, kDarkGrey); // operator screen
    // Emergency stop: red mushroom on a yellow plate; green "running" light.
    cabinet.box({0.12f, 1.22f, 0.25f}, {0.30f, 1.40f, 0.26f}, kSafetyYellow);
    cabinet.box({0.16f, 1.26f, 0.26f}, {0.26f, 1.36f, 0.31f}, kStopRed);
    cabinet.box({0.16f, 1.48f, 0.25f}, {0.26f, 1.56f, 0.29f}, kLightGreen);
    return cabinet;
}

} // namespace

void buildFactoryCell(GltfWriter& writer) {
    const int concrete = writer.addMaterial({"concrete", 0.0f, 0.95f});
    const int painted = writer.addMaterial({"painted_metal", 0.0f, 0.45f});
    const int steel = writer.addMaterial({"bare_steel", 1.0f, 0.35f});
    const int rubber = writer.addMaterial({"rubber", 0.0f, 0.9f});
    const int plastic = writer.addMaterial({"plastic", 0.0f, 0.5f});
    const int wood = writer.addMaterial({"wood", 0.0f, 0.75f});

    writer.addNode({"floor", writer.addMesh("floor", floorTiles(), concrete)});

    writer.addNode({"conveyor_frame", writer.addMesh("conveyor_frame", conveyorFrame(), painted), {-0.5f, 0, -1.2f}});
    writer.addNode({"conveyor_belt", writer.addMesh("conveyor_belt", conveyorBelt(), rubber), {-0.5f, 0, -1.2f}});
    const int rollerMesh = writer.addMesh("roller", roller(), steel);
    for (float x : {-3.45f, 2.45f}) writer.addNode({"roller", rollerMesh, {x, 0.75f, -1.2f}});
    const int partMesh = writer.addMesh("part", part(), plastic);
    for (float x : {-2.8f, -1.6f, -0.4f, 0.8f}) writer.addNode({"part", partMesh, {x, 0.80f, -1.2f}, x * 20.0f});

    writer.addNode({"cobot", writer.addMesh("cobot", cobot(), plastic), {1.8f, 0, 0.2f}, -30.0f});
    const int panelMesh = writer.addMesh("fence_panel", fencePanel(), painted);
    // A fence line between the cell and the cabinet's service area.
    writer.addNode({"fence_panel", panelMesh, {3.3f, 0, 1.2f}, 90.0f});
    writer.addNode({"fence_panel", panelMesh, {3.3f, 0, -0.3f}, 90.0f});

    writer.addNode({"workbench", writer.addMesh("workbench", workbench(), wood), {-2.6f, 0, 0.6f}});
    const int binMesh = writer.addMesh("parts_bin", partsBin(), plastic);
    for (float x : {-3.1f, -2.6f, -2.1f}) writer.addNode({"parts_bin", binMesh, {x, 0.9f, 0.4f}});

    const int palletMesh = writer.addMesh("pallet", palletWithBoxes(), wood);
    writer.addNode({"pallet", palletMesh, {-4.0f, 0, -3.0f}});
    writer.addNode({"pallet", palletMesh, {-2.6f, 0, -3.0f}, 8.0f});
    writer.addNode({"pallet", palletMesh, {3.8f, 0, 2.6f}, 90.0f});

    writer.addNode({"control_cabinet", writer.addMesh("control_cabinet", controlCabinet(), painted), {4.0f, 0, -2.6f}, -20.0f});
}

} // namespace usine::tools
