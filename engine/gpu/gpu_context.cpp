// Instance, GPU choice and device creation (see gpu_context.h).
#include "gpu/gpu_context.h"

#include "core/environment.h"
#include "core/error.h"
#include "core/log.h"
#include "core/text.h"
#include "gpu/gpu_choice.h"
#include "gpu/vulkan_check.h"
#include "gpu/vulkan_struct.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace usine::gpu {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";
constexpr std::uint32_t kRequiredApi = VK_API_VERSION_1_3;

bool hasInstanceLayer(const char* name) {
    std::uint32_t count = 0;
    VK_CHECK(vkEnumerateInstanceLayerProperties(&count, nullptr));
    std::vector<VkLayerProperties> layers(count);
    VK_CHECK(vkEnumerateInstanceLayerProperties(&count, layers.data()));
    return std::any_of(layers.begin(), layers.end(), [&](const auto& l) { return std::strcmp(l.layerName, name) == 0; });
}

std::vector<std::string> instanceExtensionNames() {
    std::uint32_t count = 0;
    VK_CHECK(vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr));
    std::vector<VkExtensionProperties> extensions(count);
    VK_CHECK(vkEnumerateInstanceExtensionProperties(nullptr, &count, extensions.data()));
    std::vector<std::string> names;
    for (const auto& e : extensions) names.emplace_back(e.extensionName);
    return names;
}

std::vector<std::string> deviceExtensionNames(VkPhysicalDevice device) {
    std::uint32_t count = 0;
    VK_CHECK(vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr));
    std::vector<VkExtensionProperties> extensions(count);
    VK_CHECK(vkEnumerateDeviceExtensionProperties(device, nullptr, &count, extensions.data()));
    std::vector<std::string> names;
    for (const auto& e : extensions) names.emplace_back(e.extensionName);
    return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<const char*> pointersTo(const std::vector<std::string>& names) {
    std::vector<const char*> pointers;
    for (const auto& n : names) pointers.push_back(n.c_str());
    return pointers;
}

// A graphics queue family, or -1.
int graphicsQueueFamily(VkPhysicalDevice device) {
    std::uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
    for (std::uint32_t i = 0; i < count; ++i)
        if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) return static_cast<int>(i);
    return -1;
}

// Why this GPU cannot run Usine Ouverte, or "" when it can.
std::string unusableReason(VkPhysicalDevice device, const std::vector<std::string>& requiredExtensions) {
    VkPhysicalDeviceProperties properties;
    vkGetPhysicalDeviceProperties(device, &properties);
    if (properties.apiVersion < kRequiredApi)
        return concat("supports Vulkan ", VK_API_VERSION_MAJOR(properties.apiVersion), ".",
                      VK_API_VERSION_MINOR(properties.apiVersion), ", 1.3 is needed");
    auto features11 = vkStruct<VkPhysicalDeviceVulkan11Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES);
    auto features13 = vkStruct<VkPhysicalDeviceVulkan13Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES);
    features11.pNext = &features13;
    auto features = vkStruct<VkPhysicalDeviceFeatures2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &features11);
    vkGetPhysicalDeviceFeatures2(device, &features);
    if (!features11.multiview) return "no multiview (needed to draw both eyes in one pass)";
    if (!features13.dynamicRendering) return "no dynamic rendering";
    if (!features13.synchronization2) return "no synchronization2";
    if (graphicsQueueFamily(device) < 0) return "no graphics queue";
    const auto available = deviceExtensionNames(device);
    for (const auto& extension : requiredExtensions)
        if (!contains(available, extension)) return concat("lacks the extension ", extension);
    return "";
}

VkSampleCountFlagBits highestSampleCount(VkSampleCountFlags counts) {
    for (VkSampleCountFlagBits bit : {VK_SAMPLE_COUNT_8_BIT, VK_SAMPLE_COUNT_4_BIT, VK_SAMPLE_COUNT_2_BIT})
        if (counts & bit) return bit;
    return VK_SAMPLE_COUNT_1_BIT;
}

} // namespace

VulkanCreator& directCreator() {
    static DirectVulkanCreator creator; // stateless
    return creator;
}

bool validationRequestedByEnvironment() {
    const char* value = std::getenv("USINE_VALIDATION");
    return value && std::strcmp(value, "1") == 0;
}

GpuContext::InstanceOwner::~InstanceOwner() {
    if (handle) vkDestroyInstance(handle, nullptr);
}

GpuContext::MessengerOwner::~MessengerOwner() {
    if (!handle) return;
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance, handle, nullptr);
}

GpuContext::DeviceOwner::~DeviceOwner() {
    if (handle) vkDestroyDevice(handle, nullptr);
}

GpuContext::GpuContext(const GpuOptions& options) : GpuContext(options, directCreator()) {}

GpuContext::GpuContext(const GpuOptions& options, VulkanCreator& creator) {
    createInstance(options, creator);
    choosePhysicalDevice(options, creator);
    createDevice(options, creator);
    memory_ = std::make_unique<GpuMemory>(device_.handle, physicalDevice_);

    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    poolInfo.queueFamilyIndex = queueFamily_;
    VkCommandPool pool;
    VK_CHECK(vkCreateCommandPool(device_.handle, &poolInfo, nullptr, &pool));
    oneOffPool_ = OwnedCommandPool(device_.handle, pool);
}

GpuContext::~GpuContext() {
    if (device_.handle) vkDeviceWaitIdle(device_.handle);
}

void GpuContext::createInstance(const GpuOptions& options, VulkanCreator& creator) {
    std::vector<std::string> extensions = options.instanceExtensions;
    std::vector<const char*> layers;
    if (options.validation) {
        if (!hasInstanceLayer(kValidationLayer))
            throw UserError(concat("Vulkan validation was asked for but ", kValidationLayer,
                                   " is not installed (Debian package vulkan-validationlayers)"));
        // Asked for once: a layer the environment already enables (VK_INSTANCE_LAYERS, a
        // common habit) is not named again.
        if (!environmentListHas("VK_INSTANCE_LAYERS", kValidationLayer)) layers.push_back(kValidationLayer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
        validationEnabled_ = true;
    }
    const auto available = instanceExtensionNames();
    for (const auto& extension : extensions)
        if (!contains(available, extension))
            throw UserError(concat("the Vulkan loader lacks the instance extension ", extension));

    auto app = vkStruct<VkApplicationInfo>(VK_STRUCTURE_TYPE_APPLICATION_INFO);
    app.pApplicationName = "Usine Ouverte";
    app.applicationVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.pEngineName = "usine";
    app.engineVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.apiVersion = kRequiredApi;

    const auto extensionPointers = pointersTo(extensions);
    auto info = vkStruct<VkInstanceCreateInfo>(VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO);
    info.pApplicationInfo = &app;
    info.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensionPointers.size());
    info.ppEnabledExtensionNames = extensionPointers.data();

    // Chained into the create-info so problems during instance creation are caught too.
    VkDebugUtilsMessengerCreateInfoEXT messengerInfo = validationMessages_->messengerInfo();
    if (validationEnabled_) info.pNext = &messengerInfo;

    instance_.handle = creator.createInstance(info);

    if (validationEnabled_) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_.handle, "vkCreateDebugUtilsMessengerEXT"));
        if (!create) throw SystemError("vkCreateDebugUtilsMessengerEXT is missing");
        messenger_.instance = instance_.handle;
        VK_CHECK(create(instance_.handle, &messengerInfo, nullptr, &messenger_.handle));
    }
}

void GpuContext::choosePhysicalDevice(const GpuOptions& options, VulkanCreator& creator) {
    std::uint32_t count = 0;
    VK_CHECK(vkEnumeratePhysicalDevices(instance_.handle, &count, nullptr));
    std::vector<VkPhysicalDevice> devices(count);
    VK_CHECK(vkEnumeratePhysicalDevices(instance_.handle, &count, devices.data()));

    std::vector<GpuCandidate> candidates;
    for (VkPhysicalDevice device : devices) {
        VkPhysicalDeviceProperties properties;
        vkGetPhysicalDeviceProperties(device, &properties);
        candidates.push_back({properties.deviceName, properties.deviceType,
                              unusableReason(device, options.deviceExtensions)});
    }

    if (VkPhysicalDevice required = creator.requiredPhysicalDevice(instance_.handle)) {
        auto it = std::find(devices.begin(), devices.end(), required);
        if (it == devices.end()) throw SystemError("the headset runtime named a GPU Vulkan does not list");
        const GpuCandidate& candidate = candidates[static_cast<std::size_t>(it - devices.begin())];
        if (!candidate.unusableReason.empty())
            throw UserError(concat("the headset's GPU '", candidate.name, "' cannot be used: ", candidate.unusableReason));
        physicalDevice_ = required;
    } else {
        physicalDevice_ = devices[chooseGpu(candidates, options.gpuName)];
    }

    auto driver = vkStruct<VkPhysicalDeviceDriverProperties>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES);
    auto multiview =
        vkStruct<VkPhysicalDeviceMultiviewProperties>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MULTIVIEW_PROPERTIES, &driver);
    auto properties = vkStruct<VkPhysicalDeviceProperties2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &multiview);
    vkGetPhysicalDeviceProperties2(physicalDevice_, &properties);
    VkPhysicalDeviceFeatures features;
    vkGetPhysicalDeviceFeatures(physicalDevice_, &features);
    const VkPhysicalDeviceLimits& limits = properties.properties.limits;

    capabilities_.name = properties.properties.deviceName;
    capabilities_.type = properties.properties.deviceType;
    capabilities_.apiVersion = properties.properties.apiVersion;
    capabilities_.maxColorDepthSamples =
        highestSampleCount(limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts);
    capabilities_.timestampPeriodNs = limits.timestampPeriod;
    capabilities_.samplerAnisotropy = features.samplerAnisotropy;
    capabilities_.maxSamplerAnisotropy = limits.maxSamplerAnisotropy;
    capabilities_.maxMultiviewViewCount = multiview.maxMultiviewViewCount;
    capabilities_.maxImageDimension2D = limits.maxImageDimension2D;
    capabilities_.maxStorageBufferRange = limits.maxStorageBufferRange;
    capabilities_.driverId = driver.driverID;
    capabilities_.driverInfo = concat(driver.driverName, " ", driver.driverInfo);

    queueFamily_ = static_cast<std::uint32_t>(graphicsQueueFamily(physicalDevice_));
    std::uint32_t familyCount = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, nullptr);
    std::vector<VkQueueFamilyProperties> families(familyCount);
    vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, families.data());
    capabilities_.timestampValidBits = families[queueFamily_].timestampValidBits;
    capabilities_.timestamps = capabilities_.timestampValidBits > 0 && limits.timestampPeriod > 0;
}

void GpuContext::createDevice(const GpuOptions& options, VulkanCreator& creator) {
    const float priority = 1.0f;
    auto queueInfo = vkStruct<VkDeviceQueueCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO);
    queueInfo.queueFamilyIndex = queueFamily_;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;

    auto features13 = vkStruct<VkPhysicalDeviceVulkan13Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES);
    features13.dynamicRendering = VK_TRUE;
    features13.synchronization2 = VK_TRUE;
    auto features11 = vkStruct<VkPhysicalDeviceVulkan11Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES, &features13);
    features11.multiview = VK_TRUE;
    auto features = vkStruct<VkPhysicalDeviceFeatures2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &features11);
    features.features.samplerAnisotropy = capabilities_.samplerAnisotropy;

    const auto extensionPointers = pointersTo(options.deviceExtensions);
    auto info = vkStruct<VkDeviceCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, &features);
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queueInfo;
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensionPointers.size());
    info.ppEnabledExtensionNames = extensionPointers.data();

    device_.handle = creator.createDevice(physicalDevice_, info);
    vkGetDeviceQueue(device_.handle, queueFamily_, 0, &queue_);
}

void GpuContext::submitAndWait(const std::function<void(VkCommandBuffer)>& record) {
    auto allocateInfo = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
    allocateInfo.commandPool = oneOffPool_.get();
    allocateInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocateInfo.commandBufferCount = 1;
    VkCommandBuffer commands;
    VK_CHECK(vkAllocateCommandBuffers(device_.handle, &allocateInfo, &commands));
    struct FreeOnExit {
        VkDevice device;
        VkCommandPool pool;
        VkCommandBuffer commands;
        ~FreeOnExit() { vkFreeCommandBuffers(device, pool, 1, &commands); }
    } freeOnExit{device_.handle, oneOffPool_.get(), commands};

    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(commands, &begin));
    record(commands);
    VK_CHECK(vkEndCommandBuffer(commands));

    auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
    VkFence rawFence;
    VK_CHECK(vkCreateFence(device_.handle, &fenceInfo, nullptr, &rawFence));
    OwnedFence fence(device_.handle, rawFence);

    auto commandInfo = vkStruct<VkCommandBufferSubmitInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO);
    commandInfo.commandBuffer = commands;
    auto submit = vkStruct<VkSubmitInfo2>(VK_STRUCTURE_TYPE_SUBMIT_INFO_2);
    submit.commandBufferInfoCount = 1;
    submit.pCommandBufferInfos = &commandInfo;
    {
        const auto queue = queueLock();
        VK_CHECK(vkQueueSubmit2(queue_, 1, &submit, fence.get()));
    }
    VK_CHECK(vkWaitForFences(device_.handle, 1, fence.address(), VK_TRUE, UINT64_MAX));
}

void GpuContext::waitIdle() {
    const auto queue = queueLock();
    VK_CHECK(vkDeviceWaitIdle(device_.handle));
}

void GpuContext::waitIdleQuietly() noexcept {
    const auto queue = queueLock();
    const VkResult result = vkDeviceWaitIdle(device_.handle);
    if (result != VK_SUCCESS)
        log::warning(concat("the GPU did not finish its work (", resultName(result), "); cleaning up anyway"));
}

} // namespace usine::gpu
