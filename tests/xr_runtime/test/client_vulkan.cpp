// The test client's Vulkan side (see client_vulkan.h).
#include "client_vulkan.h"

#include "gpu/vulkan_struct.h"

#include <cstring>
#include <stdexcept>

namespace usine::test_runtime::client {
namespace {

using gpu::vkStruct;

void check(VkResult result, const char* what) {
    if (result != VK_SUCCESS) throw std::runtime_error(std::string(what) + " failed: " + std::to_string(int(result)));
}

void checkXr(XrResult result, const char* what) {
    if (XR_FAILED(result)) throw std::runtime_error(std::string(what) + " failed: " + std::to_string(int(result)));
}

template <typename F> F xrFunction(XrInstance instance, const char* name) {
    PFN_xrVoidFunction function = nullptr;
    checkXr(xrGetInstanceProcAddr(instance, name, &function), name);
    return reinterpret_cast<F>(function);
}

bool hasLayer(const char* name) {
    std::uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    for (const auto& layer : layers)
        if (std::strcmp(layer.layerName, name) == 0) return true;
    return false;
}

std::uint32_t memoryType(VkPhysicalDevice device, std::uint32_t allowed, VkMemoryPropertyFlags wanted) {
    VkPhysicalDeviceMemoryProperties memory{};
    vkGetPhysicalDeviceMemoryProperties(device, &memory);
    for (std::uint32_t i = 0; i < memory.memoryTypeCount; ++i)
        if ((allowed & (1u << i)) && (memory.memoryTypes[i].propertyFlags & wanted) == wanted) return i;
    throw std::runtime_error("no suitable memory type");
}

} // namespace

ClientVulkan::ClientVulkan(XrInstance instance, XrSystemId system) {
    auto requirementsOf = xrFunction<PFN_xrGetVulkanGraphicsRequirements2KHR>(instance, "xrGetVulkanGraphicsRequirements2KHR");
    auto createInstance = xrFunction<PFN_xrCreateVulkanInstanceKHR>(instance, "xrCreateVulkanInstanceKHR");
    auto graphicsDevice = xrFunction<PFN_xrGetVulkanGraphicsDevice2KHR>(instance, "xrGetVulkanGraphicsDevice2KHR");
    auto createDevice = xrFunction<PFN_xrCreateVulkanDeviceKHR>(instance, "xrCreateVulkanDeviceKHR");

    XrGraphicsRequirementsVulkan2KHR requirements{};
    requirements.type = XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR;
    checkXr(requirementsOf(instance, system, &requirements), "xrGetVulkanGraphicsRequirements2KHR");

    const bool validation = hasLayer("VK_LAYER_KHRONOS_validation");
    const char* layer = "VK_LAYER_KHRONOS_validation";
    const char* debugUtils = VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
    auto app = vkStruct<VkApplicationInfo>(VK_STRUCTURE_TYPE_APPLICATION_INFO);
    app.pApplicationName = "usine test runtime client";
    app.apiVersion = VK_API_VERSION_1_1;
    auto messengerInfo = vkStruct<VkDebugUtilsMessengerCreateInfoEXT>(VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
    messengerInfo.messageSeverity =
        VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    messengerInfo.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT;
    messengerInfo.pfnUserCallback = &ClientVulkan::onMessage;
    messengerInfo.pUserData = this;
    auto info = vkStruct<VkInstanceCreateInfo>(VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO);
    info.pApplicationInfo = &app;
    if (validation) {
        info.enabledLayerCount = 1;
        info.ppEnabledLayerNames = &layer;
        info.enabledExtensionCount = 1;
        info.ppEnabledExtensionNames = &debugUtils;
        info.pNext = &messengerInfo;
    }
    auto xrInfo = XrVulkanInstanceCreateInfoKHR{};
    xrInfo.type = XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR;
    xrInfo.systemId = system;
    xrInfo.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    xrInfo.vulkanCreateInfo = &info;
    VkResult vulkanResult = VK_SUCCESS;
    checkXr(createInstance(instance, &xrInfo, &instance_, &vulkanResult), "xrCreateVulkanInstanceKHR");
    check(vulkanResult, "vkCreateInstance");
    if (validation) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
        check(create(instance_, &messengerInfo, nullptr, &messenger_), "vkCreateDebugUtilsMessengerEXT");
    }

    XrVulkanGraphicsDeviceGetInfoKHR deviceInfo{};
    deviceInfo.type = XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR;
    deviceInfo.systemId = system;
    deviceInfo.vulkanInstance = instance_;
    checkXr(graphicsDevice(instance, &deviceInfo, &physicalDevice_), "xrGetVulkanGraphicsDevice2KHR");

    std::uint32_t familyCount = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, nullptr);
    std::vector<VkQueueFamilyProperties> families(familyCount);
    vkGetPhysicalDeviceQueueFamilyProperties(physicalDevice_, &familyCount, families.data());
    while (queueFamily_ < familyCount && !(families[queueFamily_].queueFlags & VK_QUEUE_GRAPHICS_BIT)) ++queueFamily_;
    const float priority = 1.0f;
    auto queueInfo = vkStruct<VkDeviceQueueCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO);
    queueInfo.queueFamilyIndex = queueFamily_;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;
    auto deviceCreate = vkStruct<VkDeviceCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO);
    deviceCreate.queueCreateInfoCount = 1;
    deviceCreate.pQueueCreateInfos = &queueInfo;
    XrVulkanDeviceCreateInfoKHR xrDevice{};
    xrDevice.type = XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR;
    xrDevice.systemId = system;
    xrDevice.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    xrDevice.vulkanPhysicalDevice = physicalDevice_;
    xrDevice.vulkanCreateInfo = &deviceCreate;
    checkXr(createDevice(instance, &xrDevice, &device_, &vulkanResult), "xrCreateVulkanDeviceKHR");
    check(vulkanResult, "vkCreateDevice");
    vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);

    auto poolInfo = vkStruct<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
    poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    poolInfo.queueFamilyIndex = queueFamily_;
    check(vkCreateCommandPool(device_, &poolInfo, nullptr, &pool_), "vkCreateCommandPool");
    auto allocate = vkStruct<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
    allocate.commandPool = pool_;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = 1;
    check(vkAllocateCommandBuffers(device_, &allocate, &commands_), "vkAllocateCommandBuffers");
    auto fenceInfo = vkStruct<VkFenceCreateInfo>(VK_STRUCTURE_TYPE_FENCE_CREATE_INFO);
    check(vkCreateFence(device_, &fenceInfo, nullptr, &fence_), "vkCreateFence");
}

ClientVulkan::~ClientVulkan() {
    if (device_) {
        vkDeviceWaitIdle(device_);
        if (staging_) vkDestroyBuffer(device_, staging_, nullptr);
        if (stagingMemory_) vkFreeMemory(device_, stagingMemory_, nullptr);
        vkDestroyFence(device_, fence_, nullptr);
        vkDestroyCommandPool(device_, pool_, nullptr);
        vkDestroyDevice(device_, nullptr);
    }
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        destroy(instance_, messenger_, nullptr);
    }
    if (instance_) vkDestroyInstance(instance_, nullptr);
}

XrGraphicsBindingVulkan2KHR ClientVulkan::binding() const {
    XrGraphicsBindingVulkan2KHR binding{};
    binding.type = XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR;
    binding.instance = instance_;
    binding.physicalDevice = physicalDevice_;
    binding.device = device_;
    binding.queueFamilyIndex = queueFamily_;
    binding.queueIndex = 0;
    return binding;
}

void ClientVulkan::paint(VkImage image, std::uint32_t layer, std::uint32_t width, std::uint32_t height,
                         std::uint32_t square, bool thenAsCopySource) {
    const VkDeviceSize bytes = VkDeviceSize(width) * height * 4;
    if (bytes > stagingSize_) {
        if (staging_) vkDestroyBuffer(device_, staging_, nullptr);
        if (stagingMemory_) vkFreeMemory(device_, stagingMemory_, nullptr);
        auto info = vkStruct<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
        info.size = bytes;
        info.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
        check(vkCreateBuffer(device_, &info, nullptr, &staging_), "vkCreateBuffer");
        VkMemoryRequirements needs{};
        vkGetBufferMemoryRequirements(device_, staging_, &needs);
        auto allocate = vkStruct<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
        allocate.allocationSize = needs.size;
        allocate.memoryTypeIndex = memoryType(physicalDevice_, needs.memoryTypeBits,
                                              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
        check(vkAllocateMemory(device_, &allocate, nullptr, &stagingMemory_), "vkAllocateMemory");
        check(vkBindBufferMemory(device_, staging_, stagingMemory_, 0), "vkBindBufferMemory");
        check(vkMapMemory(device_, stagingMemory_, 0, VK_WHOLE_SIZE, 0, &stagingMapped_), "vkMapMemory");
        stagingSize_ = bytes;
    }
    auto* pixels = static_cast<std::uint8_t*>(stagingMapped_);
    const std::uint32_t left = (width - square) / 2, top = (height - square) / 2;
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            const bool inside = x >= left && x < left + square && y >= top && y < top + square;
            std::uint8_t* pixel = pixels + (std::size_t(y) * width + x) * 4;
            pixel[0] = pixel[1] = pixel[2] = inside ? 250 : 40;
            pixel[3] = 255;
        }

    check(vkResetCommandBuffer(commands_, 0), "vkResetCommandBuffer");
    auto begin = vkStruct<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
    check(vkBeginCommandBuffer(commands_, &begin), "vkBeginCommandBuffer");
    auto barrier = vkStruct<VkImageMemoryBarrier>(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER);
    barrier.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.oldLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.image = image;
    barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, layer, 1};
    vkCmdPipelineBarrier(commands_, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0,
                         nullptr, 0, nullptr, 1, &barrier);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, layer, 1};
    region.imageExtent = {width, height, 1};
    vkCmdCopyBufferToImage(commands_, staging_, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    barrier.newLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    vkCmdPipelineBarrier(commands_, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0, 0,
                         nullptr, 0, nullptr, 1, &barrier);
    if (thenAsCopySource) {
        // What an application that copies out of a swapchain image does (the engine's
        // stereo target once did): legal only with TRANSFER_SRC usage, which the test
        // client never asks for.
        barrier.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
        barrier.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
        barrier.oldLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        vkCmdPipelineBarrier(commands_, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0,
                             0, nullptr, 0, nullptr, 1, &barrier);
        barrier.srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
        barrier.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
        barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        barrier.newLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        vkCmdPipelineBarrier(commands_, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0,
                             0, nullptr, 0, nullptr, 1, &barrier);
    }
    check(vkEndCommandBuffer(commands_), "vkEndCommandBuffer");
    auto submit = vkStruct<VkSubmitInfo>(VK_STRUCTURE_TYPE_SUBMIT_INFO);
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &commands_;
    check(vkResetFences(device_, 1, &fence_), "vkResetFences");
    check(vkQueueSubmit(queue_, 1, &submit, fence_), "vkQueueSubmit");
    check(vkWaitForFences(device_, 1, &fence_, VK_TRUE, UINT64_MAX), "vkWaitForFences");
}

void ClientVulkan::waitIdle() { vkDeviceWaitIdle(device_); }

VKAPI_ATTR VkBool32 VKAPI_CALL ClientVulkan::onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT,
                                                      VkDebugUtilsMessageTypeFlagsEXT,
                                                      const VkDebugUtilsMessengerCallbackDataEXT* data, void* self) {
    static_cast<ClientVulkan*>(self)->messages_.push_back(data && data->pMessage ? data->pMessage : "(no message)");
    return VK_FALSE;
}

} // namespace usine::test_runtime::client
