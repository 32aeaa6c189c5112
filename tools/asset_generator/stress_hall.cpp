// Stress hall layout. Metres, +Y up. The hall spans x 0..120 and z 0..60; its door is in
// the wall at x = 0, on the main aisle (z 26..34) that runs the hall's whole length:
// machining centres on both sides, then robot cells and conveyors, and the warehouse
// (pallet racks) at the far end.
#include "stress_hall.h"

#include <cmath>
#include <string>

namespace usine::tools {
namespace {

// Linear colours.
const glm::vec4 kConcreteLight{0.40f, 0.40f, 0.38f, 1};
const glm::vec4 kConcreteDark{0.34f, 0.34f, 0.33f, 1};
const glm::vec4 kSafetyYellow{0.85f, 0.62f, 0.02f, 1};
const glm::vec4 kMachineGrey{0.62f, 0.64f, 0.66f, 1};
const glm::vec4 kMachineBlue{0.05f, 0.16f, 0.42f, 1};
const glm::vec4 kSteel{0.55f, 0.56f, 0.58f, 1};
const glm::vec4 kDarkGrey{0.08f, 0.08f, 0.09f, 1};
const glm::vec4 kGlass{0.30f, 0.40f, 0.45f, 1};
const glm::vec4 kRobotOrange{0.90f, 0.35f, 0.02f, 1};
const glm::vec4 kRackBlue{0.03f, 0.12f, 0.40f, 1};
const glm::vec4 kRackOrange{0.80f, 0.25f, 0.02f, 1};
const glm::vec4 kWood{0.45f, 0.27f, 0.12f, 1};
const glm::vec4 kCardboard{0.55f, 0.38f, 0.20f, 1};
const glm::vec4 kWall{0.55f, 0.57f, 0.60f, 1};
const glm::vec4 kRed{0.70f, 0.03f, 0.02f, 1};
const glm::vec4 kGreen{0.05f, 0.55f, 0.10f, 1};
const glm::vec4 kFenceGrey{0.20f, 0.21f, 0.22f, 1};
const glm::vec4 kSkin[] = {{0.80f, 0.55f, 0.42f, 1}, {0.45f, 0.28f, 0.18f, 1}, {0.62f, 0.42f, 0.30f, 1}};
const glm::vec4 kHiVis{0.80f, 0.75f, 0.02f, 1};
const glm::vec4 kWorkwearBlue{0.04f, 0.10f, 0.30f, 1};
const glm::vec4 kWorkwearGrey{0.18f, 0.19f, 0.20f, 1};
const glm::vec4 kHelmetWhite{0.85f, 0.85f, 0.82f, 1};
const glm::vec4 kHair{0.10f, 0.06f, 0.03f, 1};

MeshBuilder floorSection() { // 10 x 10 m of 1 m tiles
    MeshBuilder floor;
    for (int x = 0; x < 10; ++x)
        for (int z = 0; z < 10; ++z)
            floor.floorQuad(float(x), float(z), float(x + 1), float(z + 1), 0, ((x + z) & 1) ? kConcreteLight : kConcreteDark);
    return floor;
}

MeshBuilder aisleLines() { // 10 m of the main aisle's two painted lines
    MeshBuilder lines;
    lines.floorQuad(0, 26.0f, 10, 26.12f, 0.003f, kSafetyYellow);
    lines.floorQuad(0, 33.88f, 10, 34.0f, 0.003f, kSafetyYellow);
    return lines;
}

MeshBuilder column() { // a steel H column, 9 m
    MeshBuilder c;
    c.box({-0.2f, 0, -0.2f}, {0.2f, 9, -0.17f}, kMachineBlue);
    c.box({-0.2f, 0, 0.17f}, {0.2f, 9, 0.2f}, kMachineBlue);
    c.box({-0.015f, 0, -0.17f}, {0.015f, 9, 0.17f}, kMachineBlue);
    c.box({-0.35f, 0, -0.35f}, {0.35f, 0.03f, 0.35f}, kSteel);
    for (float x : {-0.28f, 0.28f})
        for (float z : {-0.28f, 0.28f}) c.cylinder({x, 0.03f, z}, 0.02f, 0.04f, 12, kSteel);
    return c;
}

MeshBuilder roofTruss() { // across the hall (z 0..60) at 9 m, with its diagonals
    MeshBuilder t;
    t.box({-0.1f, 9.0f, 0}, {0.1f, 9.15f, 60}, kSteel);
    t.box({-0.1f, 10.6f, 0}, {0.1f, 10.75f, 60}, kSteel);
    for (int i = 0; i < 30; ++i) {
        const float z = float(i) * 2;
        t.box({-0.06f, 9.15f, z}, {0.06f, 10.6f, z + 0.12f}, kSteel);
        t.box({-0.05f, 9.15f, z + 1.0f}, {0.05f, 10.6f, z + 1.1f}, kSteel);
    }
    t.box({-0.02f, 10.75f, 0}, {10.02f, 10.8f, 60}, kWall); // the roof above, one bay
    return t;
}

MeshBuilder wallPanel(bool door) { // 10 m of wall, 11 m high, with a window band
    MeshBuilder w;
    if (door) { // the wall around a 6 m door, its frame in safety yellow
        w.box({0, 0, -0.1f}, {2, 11, 0.1f}, kWall);
        w.box({8, 0, -0.1f}, {10, 11, 0.1f}, kWall);
        w.box({2, 5, -0.1f}, {8, 11, 0.1f}, kWall);
        w.box({1.8f, 0, -0.15f}, {2, 5, 0.15f}, kSafetyYellow);
        w.box({8, 0, -0.15f}, {8.2f, 5, 0.15f}, kSafetyYellow);
        w.box({1.8f, 5, -0.15f}, {8.2f, 5.2f, 0.15f}, kSafetyYellow);
        return w;
    }
    w.box({0, 0, -0.1f}, {10, 6, 0.1f}, kWall);
    w.box({0, 6, -0.05f}, {10, 8, 0.05f}, kGlass);
    w.box({0, 8, -0.1f}, {10, 11, 0.1f}, kWall);
    for (int i = 0; i <= 5; ++i) w.box({float(i) * 2 - 0.05f, 6, -0.12f}, {float(i) * 2 + 0.05f, 8, 0.12f}, kSteel);
    return w;
}

// A machining centre, tessellated as densely as a CAD export: rounded enclosure corners,
// a tool magazine of `tools` holders, a control pendant, cable chain, bolts. Its front
// (the door) faces +Z.
MeshBuilder machiningCentre(float width, float depth, float height, int tools) {
    MeshBuilder m;
    const float w = width / 2, d = depth / 2;
    m.box({-w + 0.12f, 0.1f, -d}, {w - 0.12f, height, d}, kMachineGrey); // enclosure
    m.box({-w, 0.1f, -d + 0.12f}, {w, height, d - 0.12f}, kMachineGrey);
    for (float x : {-w + 0.12f, w - 0.12f})
        for (float z : {-d + 0.12f, d - 0.12f}) m.cylinder({x, 0.1f, z}, 0.12f, height - 0.1f, 96, kMachineGrey);
    m.box({-w * 0.6f, 0.9f, d}, {w * 0.3f, height - 0.4f, d + 0.03f}, kGlass);        // door window
    m.box({-w * 0.65f, 0.85f, d}, {w * 0.35f, 0.9f, d + 0.05f}, kMachineBlue);       // its frame
    m.box({-w * 0.65f, height - 0.4f, d}, {w * 0.35f, height - 0.35f, d + 0.05f}, kMachineBlue);
    m.cylinder({w * 0.25f, 1.2f, d + 0.08f}, 0.025f, 0.6f, 32, kSteel);             // door handle
    m.box({-w, 0, -d}, {w, 0.1f, d}, kDarkGrey);                                     // plinth
    for (float x : {-w + 0.2f, 0.0f, w - 0.2f})
        for (float z : {-d + 0.2f, d - 0.2f}) m.cylinder({x, -0.0f, z}, 0.07f, 0.1f, 48, kSteel); // levelling feet
    // Spindle head seen through the window.
    m.cylinder({-w * 0.15f, height - 1.2f, 0}, 0.22f, 0.5f, 96, kSteel);
    m.cylinder({-w * 0.15f, height - 1.5f, 0}, 0.12f, 0.3f, 96, kSteel);
    m.cylinder({-w * 0.15f, height - 1.7f, 0}, 0.03f, 0.2f, 48, kDarkGrey);
    // Tool magazine on the left side: a drum of holders, each with its tool.
    const glm::vec3 drum{-w - 0.35f, height * 0.6f, 0};
    m.cylinderX(drum + glm::vec3(-0.05f, 0, 0), 0.55f, 0.3f, 96, kMachineBlue);
    for (int i = 0; i < tools; ++i) {
        // Two rings of holders when the magazine is large.
        const bool twoRings = tools > 60;
        const int ring = twoRings ? i % 2 : 0, perRing = twoRings ? tools / 2 : tools;
        const float angle = 6.28318530718f * float(twoRings ? i / 2 : i) / float(perRing);
        const float radius = ring ? 0.36f : 0.5f;
        const glm::vec3 at = drum + glm::vec3(0.3f, radius * std::sin(angle), radius * std::cos(angle));
        m.cylinderX(at, 0.035f, 0.08f, 48, kSteel);
        m.cylinderX(at + glm::vec3(0.08f, 0, 0), 0.018f, 0.12f, 32, kDarkGrey);
    }
    // Control pendant on an arm, with its buttons.
    m.box({w - 0.05f, height - 0.6f, d - 0.1f}, {w + 0.35f, height - 0.55f, d}, kSteel);
    const glm::vec3 panel{w + 0.25f, 1.1f, d + 0.05f};
    m.box(panel + glm::vec3(-0.25f, 0, 0), panel + glm::vec3(0.25f, 0.45f, 0.08f), kMachineBlue);
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 6; ++col)
            m.cylinderZ(panel + glm::vec3(-0.18f + 0.07f * float(col), 0.08f + 0.06f * float(row), 0.08f), 0.015f,
                        0.012f, 24, row == 0 && col == 5 ? kRed : kDarkGrey);
    m.cylinderZ(panel + glm::vec3(0.17f, 0.37f, 0.08f), 0.03f, 0.02f, 32, kRed); // emergency stop
    // Cable chain along the back, link by link.
    for (int link = 0; link < 60; ++link) {
        const float x = -w + 0.1f + float(link) * (width - 0.2f) / 60;
        m.box({x, height - 0.1f, -d - 0.12f}, {x + (width - 0.2f) / 60 * 0.8f, height, -d - 0.02f}, kDarkGrey);
    }
    // Status beacon.
    const glm::vec4 beacon[] = {kRed, kSafetyYellow, kGreen, kDarkGrey};
    for (int i = 0; i < 4; ++i) m.cylinder({w - 0.2f, height + 0.08f * float(i), -d + 0.2f}, 0.04f, 0.08f, 48, beacon[i]);
    // Bolts along the plinth.
    for (int i = 0; i < 40; ++i) {
        const float x = -w + 0.05f + float(i) * (width - 0.1f) / 40;
        m.cylinderZ({x, 0.05f, d}, 0.012f, 0.01f, 12, kSteel);
        m.cylinderZ({x, 0.05f, -d - 0.01f}, 0.012f, 0.01f, 12, kSteel);
    }
    // Roof ventilation grille, slot by slot.
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 10; ++j) {
            const float x = -w * 0.8f + float(i) * w * 0.08f, z = -d * 0.8f + float(j) * d * 0.16f;
            m.box({x, height, z}, {x + w * 0.05f, height + 0.02f, z + d * 0.1f}, kDarkGrey);
        }
    // Electrical cabinet at the back: cable glands underneath, terminal blocks inside.
    m.box({-w * 0.5f, 0.3f, -d - 0.5f}, {w * 0.5f, 2.1f, -d}, kMachineGrey);
    for (int i = 0; i < 60; ++i)
        m.cylinder({-w * 0.45f + float(i % 20) * w * 0.045f, 0.2f, -d - 0.45f + float(i / 20) * 0.15f}, 0.02f, 0.1f, 24,
                   kDarkGrey);
    for (int i = 0; i < 60; ++i)
        m.box({-w * 0.45f + float(i) * w * 0.015f, 1.0f, -d - 0.52f}, {-w * 0.45f + float(i) * w * 0.015f + 0.01f, 1.1f, -d - 0.5f},
              kSteel);
    // Chip conveyor and coolant tank on the right.
    m.box({w, 0, -d + 0.2f}, {w + 0.5f, 0.6f, d - 0.4f}, kMachineBlue);
    m.box({w + 0.1f, 0.6f, -d + 0.1f}, {w + 0.4f, 1.4f, -d + 0.5f}, kMachineBlue);
    return m;
}

MeshBuilder industrialRobot() { // a six-axis arm on its base
    MeshBuilder r;
    r.cylinder({0, 0, 0}, 0.45f, 0.12f, 96, kDarkGrey);
    r.cylinder({0, 0.12f, 0}, 0.35f, 0.35f, 96, kRobotOrange);
    r.cylinderX({-0.3f, 0.75f, 0}, 0.25f, 0.6f, 96, kRobotOrange);
    r.box({-0.18f, 0.75f, -0.15f}, {0.18f, 1.85f, 0.15f}, kRobotOrange);
    r.cylinderX({-0.22f, 1.9f, 0}, 0.18f, 0.44f, 96, kRobotOrange);
    r.box({-0.12f, 1.8f, 0}, {0.12f, 2.0f, 1.2f}, kRobotOrange);
    r.sphere({0, 1.9f, 1.25f}, glm::vec3(0.14f), 48, 24, kDarkGrey);
    r.cylinderZ({0, 1.9f, 1.3f}, 0.06f, 0.2f, 48, kSteel);
    r.box({-0.1f, 1.8f, 1.5f}, {0.1f, 2.0f, 1.6f}, kDarkGrey); // gripper
    for (float x : {-0.08f, 0.06f}) r.box({x, 1.75f, 1.6f}, {x + 0.02f, 2.05f, 1.75f}, kSteel);
    for (int i = 0; i < 16; ++i) { // base bolts
        const float angle = 6.28318530718f * float(i) / 16;
        r.cylinder({0.4f * std::cos(angle), 0.12f, 0.4f * std::sin(angle)}, 0.018f, 0.02f, 16, kSteel);
    }
    return r;
}

MeshBuilder fencePanel() { // 2 m of robot-cell fence
    MeshBuilder f;
    f.box({-0.03f, 0, -0.03f}, {0.03f, 2.2f, 0.03f}, kSafetyYellow);
    f.box({0.05f, 0.1f, -0.01f}, {1.95f, 2.1f, 0.01f}, kFenceGrey);
    for (int i = 0; i < 10; ++i) f.box({0.05f, 0.1f + 0.2f * float(i), -0.015f}, {1.95f, 0.12f + 0.2f * float(i), 0.015f}, kFenceGrey);
    return f;
}

MeshBuilder palletWithCartons() {
    MeshBuilder p;
    for (float z : {-0.5f, -0.05f, 0.4f}) p.box({-0.6f, 0, z}, {0.6f, 0.1f, z + 0.1f}, kWood);
    for (int i = 0; i < 7; ++i) p.box({-0.6f + float(i) * 0.18f, 0.1f, -0.5f}, {-0.46f + float(i) * 0.18f, 0.13f, 0.5f}, kWood);
    for (int i = 0; i < 4; ++i) {
        const float x = (i % 2) ? 0.02f : -0.58f, z = (i / 2) ? 0.02f : -0.48f;
        p.box({x, 0.13f, z}, {x + 0.56f, 0.55f, z + 0.46f}, kCardboard);
    }
    return p;
}

MeshBuilder rackBay() { // 2.8 m of pallet rack, three levels loaded
    MeshBuilder r;
    for (float x : {0.0f, 2.7f})
        for (float z : {-0.55f, 0.45f}) {
            r.box({x, 0, z}, {x + 0.1f, 6.5f, z + 0.1f}, kRackBlue);
            for (int hole = 0; hole < 40; ++hole) // the uprights' punched holes, as CAD models them
                r.box({x + 0.03f, 0.2f + 0.15f * float(hole), z + 0.1f}, {x + 0.07f, 0.24f + 0.15f * float(hole), z + 0.105f},
                      kDarkGrey);
        }
    for (int level = 0; level < 3; ++level) {
        const float y = 0.1f + 2.0f * float(level);
        r.box({0.1f, y + 1.4f, -0.55f}, {2.7f, y + 1.55f, -0.45f}, kRackOrange);
        r.box({0.1f, y + 1.4f, 0.45f}, {2.7f, y + 1.55f, 0.55f}, kRackOrange);
        for (int slot = 0; slot < 2; ++slot) {
            const float x = 0.2f + 1.25f * float(slot);
            r.box({x, y + 1.55f, -0.5f}, {x + 1.1f, y + 1.7f, 0.5f}, kWood);
            r.box({x + 0.05f, y + 1.7f, -0.45f}, {x + 1.05f, y + 2.5f, 0.45f}, kCardboard);
        }
    }
    return r;
}

MeshBuilder conveyorSection() { // 6 m of roller conveyor along +X
    MeshBuilder c;
    c.box({0, 0.75f, -0.45f}, {6, 0.85f, -0.4f}, kMachineBlue);
    c.box({0, 0.75f, 0.4f}, {6, 0.85f, 0.45f}, kMachineBlue);
    for (float x : {0.1f, 2.0f, 4.0f, 5.8f})
        for (float z : {-0.44f, 0.38f}) c.box({x, 0, z}, {x + 0.06f, 0.75f, z + 0.06f}, kMachineBlue);
    for (int i = 0; i < 60; ++i) c.cylinderZ({0.05f + 0.1f * float(i), 0.82f, -0.4f}, 0.04f, 0.8f, 24, kSteel);
    return c;
}

MeshBuilder forklift() {
    MeshBuilder f;
    f.box({-0.6f, 0.2f, -1.2f}, {0.6f, 1.1f, 0.8f}, kSafetyYellow);
    f.box({-0.55f, 1.1f, -1.2f}, {0.55f, 1.3f, -0.6f}, kDarkGrey); // counterweight top
    f.box({-0.3f, 1.1f, -0.3f}, {0.3f, 1.6f, 0.2f}, kDarkGrey);    // seat
    for (float x : {-0.55f, 0.5f}) {
        f.box({x, 1.1f, -0.9f}, {x + 0.05f, 2.2f, -0.85f}, kDarkGrey); // roof guard posts
        f.box({x, 1.1f, 0.6f}, {x + 0.05f, 2.2f, 0.65f}, kDarkGrey);
    }
    f.box({-0.6f, 2.2f, -0.9f}, {0.6f, 2.25f, 0.65f}, kDarkGrey);
    f.box({-0.45f, 0.1f, 0.85f}, {-0.35f, 2.6f, 0.95f}, kSteel); // mast
    f.box({0.35f, 0.1f, 0.85f}, {0.45f, 2.6f, 0.95f}, kSteel);
    f.box({-0.35f, 0.05f, 0.95f}, {-0.25f, 0.1f, 2.1f}, kSteel); // forks
    f.box({0.25f, 0.05f, 0.95f}, {0.35f, 0.1f, 2.1f}, kSteel);
    for (float x : {-0.7f, 0.55f})
        for (float z : {-0.8f, 0.5f}) {
            f.cylinderX({x, 0.25f, z}, 0.25f, 0.15f, 48, kDarkGrey);
            f.cylinderX({x - 0.01f, 0.25f, z}, 0.12f, 0.17f, 32, kSteel);
        }
    return f;
}

// A stylised worker in the hall's protective equipment (helmet, safety glasses, shoes,
// a hi-vis vest or workwear), facing +Z; women and men, several builds and skin tones.
MeshBuilder worker(bool woman, int variant) {
    MeshBuilder p;
    const float height = woman ? 1.66f : 1.78f, s = height / 1.75f;
    const float shoulders = woman ? 0.19f : 0.22f, hips = woman ? 0.17f : 0.16f;
    const glm::vec4 skin = kSkin[variant % 3];
    const glm::vec4 clothes = variant % 2 ? kWorkwearBlue : kWorkwearGrey;
    for (float side : {-1.0f, 1.0f}) {
        p.box({side * 0.1f - 0.06f, 0, -0.06f}, {side * 0.1f + 0.06f, 0.08f, 0.2f}, kDarkGrey); // safety shoes
        p.cylinder({side * 0.1f, 0.08f, 0}, 0.07f, 0.82f * s, 32, clothes);                   // legs
        p.cylinder({side * (shoulders + 0.04f), 0.78f * s, 0}, 0.045f, 0.62f * s, 32, clothes); // arms
        p.sphere({side * (shoulders + 0.04f), 0.75f * s, 0}, glm::vec3(0.05f), 24, 12, skin);      // hands
    }
    p.sphere({0, 1.0f * s, 0}, {hips + 0.02f, 0.16f * s, 0.13f}, 48, 24, clothes);                // hips
    p.sphere({0, 1.22f * s, 0}, {shoulders + 0.02f, 0.26f * s, 0.14f}, 48, 24, kHiVis);           // vest
    p.cylinder({0, 1.42f * s, 0}, 0.05f, 0.1f, 24, skin);                                           // neck
    p.sphere({0, 1.6f * s, 0}, {0.1f, 0.12f, 0.11f}, 48, 24, skin);                                 // head
    p.sphere({0, 1.66f * s, -0.005f}, {0.125f, 0.085f, 0.14f}, 48, 24, kHelmetWhite);               // helmet
    p.box({-0.08f, 1.6f * s, 0.1f}, {0.08f, 1.64f * s, 0.115f}, kDarkGrey);                        // glasses
    if (woman) p.sphere({0, 1.52f * s, -0.12f}, {0.05f, 0.09f, 0.04f}, 24, 12, kHair);             // tied-back hair
    return p;
}

struct Placement {
    GltfWriter& writer;
    StressHallCounts& counts;
    std::vector<std::uint64_t> meshTriangles;

    int mesh(const std::string& name, const MeshBuilder& geometry, int material) {
        meshTriangles.push_back(geometry.indices().size() / 3);
        counts.uniqueTriangles += geometry.indices().size() / 3;
        return writer.addMesh(name, geometry, material);
    }
    void place(const std::string& name, int meshIndex, glm::vec3 at, float yaw = 0) {
        writer.addNode({name, meshIndex, at, yaw});
        ++counts.parts;
        counts.triangles += meshTriangles[static_cast<std::size_t>(meshIndex)];
    }
};

} // namespace

StressHallCounts buildStressHall(GltfWriter& writer) {
    StressHallCounts counts;
    Placement hall{writer, counts, {}};
    const int painted = writer.addMaterial({"painted steel", 0.1f, 0.6f});
    const int concrete = writer.addMaterial({"concrete", 0, 0.9f});
    const int people = writer.addMaterial({"clothing", 0, 0.9f});

    const int floor = hall.mesh("floor section", floorSection(), concrete);
    for (int x = 0; x < 12; ++x)
        for (int z = 0; z < 6; ++z)
            hall.place("floor " + std::to_string(x) + "-" + std::to_string(z), floor, {10.0f * float(x), 0, 10.0f * float(z)});
    const int lines = hall.mesh("aisle lines", aisleLines(), concrete);
    for (int x = 0; x < 12; ++x) hall.place("aisle lines " + std::to_string(x), lines, {10.0f * float(x), 0, 0});

    const int wall = hall.mesh("wall panel", wallPanel(false), painted);
    const int door = hall.mesh("door wall panel", wallPanel(true), painted);
    for (int x = 0; x < 12; ++x) {
        hall.place("north wall " + std::to_string(x), wall, {10.0f * float(x), 0, 0});
        hall.place("south wall " + std::to_string(x), wall, {10.0f * float(x + 1), 0, 60}, 180);
    }
    for (int z = 0; z < 6; ++z) {
        hall.place("west wall " + std::to_string(z), z == 2 ? door : wall, {0, 0, 10.0f * float(z + 1)}, 90);
        hall.place("east wall " + std::to_string(z), wall, {120, 0, 10.0f * float(z)}, -90);
    }
    const int truss = hall.mesh("roof truss", roofTruss(), painted);
    for (int x = 0; x < 12; ++x) hall.place("roof truss " + std::to_string(x), truss, {10.0f * float(x), 0, 0});
    const int pillar = hall.mesh("column", column(), painted);
    for (int x = 1; x < 12; ++x)
        for (float z : {22.0f, 38.0f}) hall.place("column " + std::to_string(x) + (z < 30 ? "N" : "S"), pillar, {10.0f * float(x), 0, z});

    // Machining centres: four rows along the hall, facing the aisles between them. Each
    // is a model of its own (sizes, magazine), as a plant's machines from different
    // makers and years are: 56 meshes for the renderer, not 4 copied.
    struct Kind {
        const char* name;
        float width, depth, height;
        int tools;
    };
    const Kind kinds[] = {{"3-axis machining centre", 2.4f, 2.0f, 2.6f, 48},
                          {"5-axis machining centre", 3.0f, 2.4f, 2.9f, 60},
                          {"horizontal machining centre", 3.6f, 3.0f, 3.1f, 120},
                          {"turning centre", 3.2f, 1.8f, 2.2f, 24}};
    int machine = 0;
    for (float z : {4.0f, 12.0f, 48.0f, 56.0f})
        for (int i = 0; i < 14; ++i, ++machine) {
            const Kind& kind = kinds[(machine + i / 4) % 4];
            const float stretch = 0.9f + 0.02f * float(machine % 11);
            const std::string name = "machining centre " + std::to_string(machine + 1);
            const int mesh = hall.mesh(name + " (" + kind.name + ")",
                                       machiningCentre(kind.width * stretch, kind.depth, kind.height * (2 - stretch),
                                                       kind.tools + 2 * (machine % 5)),
                                       painted);
            hall.place(name, mesh, {7.0f + 6.0f * float(i), 0, z}, (z < 8 || (z > 30 && z < 50)) ? 0.0f : 180.0f);
        }

    // Robot cells beside the aisle, each fenced on three sides, and conveyors feeding them.
    const int robot = hall.mesh("industrial robot", industrialRobot(), painted);
    const int fence = hall.mesh("fence panel", fencePanel(), painted);
    const int conveyor = hall.mesh("roller conveyor", conveyorSection(), painted);
    for (int i = 0; i < 8; ++i)
        for (float z : {19.0f, 41.0f}) {
            const std::string cell = "robot cell " + std::to_string(i + 1) + (z < 30 ? "N" : "S");
            const float x = 8.0f + 10.0f * float(i);
            hall.place(cell + " robot", robot, {x, 0, z}, z < 30 ? 180.0f : 0.0f);
            const float back = z < 30 ? z - 3 : z + 3;
            for (int p = 0; p < 3; ++p) hall.place(cell + " fence back " + std::to_string(p), fence, {x - 3 + 2.0f * float(p), 0, back});
            hall.place(cell + " fence left", fence, {x - 3, 0, z < 30 ? z - 1 : z + 1}, z < 30 ? 90.0f : -90.0f);
            hall.place(cell + " fence right", fence, {x + 3, 0, z < 30 ? z - 1 : z + 1}, z < 30 ? 90.0f : -90.0f);
            hall.place(cell + " conveyor", conveyor, {x - 3, 0, z < 30 ? z + 3.2f : z - 3.2f});
        }

    // The warehouse at the far end: rack rows with a forklift lane between them.
    const int rack = hall.mesh("pallet rack bay", rackBay(), painted);
    int bay = 0;
    for (float z : {3.0f, 9.0f, 15.0f, 45.0f, 51.0f, 57.0f})
        for (int i = 0; i < 8; ++i) hall.place("rack bay " + std::to_string(++bay), rack, {96.0f + 2.8f * float(i), 0, z});
    const int truck = hall.mesh("forklift", forklift(), painted);
    for (int i = 0; i < 6; ++i)
        hall.place("forklift " + std::to_string(i + 1), truck, {95.0f + 4.0f * float(i), 0, i % 2 ? 24.0f : 36.0f}, 90.0f * float(i % 4));
    const int pallet = hall.mesh("pallet with cartons", palletWithCartons(), painted);
    for (int i = 0; i < 120; ++i) {
        const float x = 6.0f + float((i * 37) % 84), z = (i % 4 < 2) ? 8.0f + float(i % 2) * 44 : 25.0f + float(i % 2) * 10;
        hall.place("pallet " + std::to_string(i + 1), pallet, {x + 0.5f, 0, z}, float((i * 53) % 4) * 90);
    }

    // Workers: at machines, in the robot cells' aisles, in the warehouse, walking.
    int workerMeshes[6];
    for (int v = 0; v < 6; ++v)
        workerMeshes[v] = hall.mesh(std::string(v % 2 ? "woman" : "man") + " worker " + std::to_string(v / 2 + 1),
                                    worker(v % 2 == 1, v / 2), people);
    for (int i = 0; i < 60; ++i) {
        const float x = 5.0f + float((i * 23) % 110) + 0.3f * float(i % 3);
        const float z = i % 3 == 0 ? 7.5f + float(i % 2) * 45 : i % 3 == 1 ? 28.0f + float(i % 5) : 16.0f + float(i % 2) * 28;
        hall.place("worker " + std::to_string(i + 1), workerMeshes[i % 6], {x, 0, z}, float((i * 71) % 360));
        ++counts.people;
    }
    return counts;
}

} // namespace usine::tools
