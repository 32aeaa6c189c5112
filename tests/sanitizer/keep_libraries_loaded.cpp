// Sanitizer builds only: keeps every dlopen()ed library mapped until the process ends.
// The Vulkan loader unloads the GPU driver and layers when the instance goes; a leak
// checker that runs at exit then sees their allocations as "<unknown module>" and
// cannot match them against lsan.supp, which names driver libraries only. Defining
// dlclose in the executable interposes it for every library (ELF symbol lookup finds
// the executable first).
extern "C" int dlclose(void*) { return 0; }
