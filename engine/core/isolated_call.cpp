// fork + pipe + poll: the child writes a status byte, a length and the payload; the
// parent reads until end of file or the deadline, then reaps the child.
#include "core/isolated_call.h"

#include "core/error.h"
#include "core/text.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <new>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace usine {
namespace {

constexpr char kResult = 'R';
constexpr char kUserError = 'U';
constexpr char kOtherError = 'X';
constexpr char kOutOfMemory = 'M';

void writeAll(int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd, bytes, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) _exit(4); // the parent gave up on us
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
}

// The address space this process has mapped now (VmSize), or 0 when unknown.
std::uint64_t mappedBytes() {
    FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    unsigned long long pages = 0;
    const bool read = std::fscanf(statm, "%llu", &pages) == 1;
    std::fclose(statm);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    return read && pageSize > 0 ? pages * static_cast<std::uint64_t>(pageSize) : 0;
}

[[noreturn]] void childMain(int fd, const std::function<std::vector<std::uint8_t>()>& work,
                            std::uint64_t memoryLimit) {
    // A crash should not spend seconds writing a core file.
    rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    // A hostile file must not eat the machine's memory: past the limit, allocations in
    // the child fail (bad_alloc) at once, instead of the machine swapping for a minute
    // or the kernel killing some other process. The limit is on top of what the parent
    // had mapped (its libraries, a GPU driver; under AddressSanitizer, terabytes of
    // reserved shadow), so it means the same whatever the parent loaded first.
    if (memoryLimit) {
        const std::uint64_t limit = mappedBytes() + memoryLimit;
        rlimit memory{limit, limit};
        setrlimit(RLIMIT_AS, &memory);
    }
    char status = kResult;
    std::vector<std::uint8_t> payload;
    try {
        payload = work();
    } catch (const UserError& error) {
        status = kUserError;
        payload.assign(error.what(), error.what() + std::strlen(error.what()));
    } catch (const std::bad_alloc&) {
        status = kOutOfMemory;
        payload.clear();
    } catch (const std::exception& error) {
        status = kOtherError;
        payload.assign(error.what(), error.what() + std::strlen(error.what()));
    }
    const std::uint64_t size = payload.size();
    writeAll(fd, &status, 1);
    writeAll(fd, &size, sizeof size);
    writeAll(fd, payload.data(), payload.size());
    ::close(fd);
    _exit(0); // no atexit handlers, no flushing of the parent's buffers
}

std::string describeEnd(int waitStatus) {
    if (WIFSIGNALED(waitStatus)) {
        const int signal = WTERMSIG(waitStatus);
        return concat("crashed (signal ", signal, ", ", strsignal(signal), ")");
    }
    if (WIFEXITED(waitStatus)) return concat("stopped unexpectedly (exit code ", WEXITSTATUS(waitStatus), ")");
    return "stopped unexpectedly";
}

// Whatever happens in the parent (an exception included), the pipe is closed and the
// child is stopped and reaped: no zombie, no leaked descriptor.
class ChildGuard {
public:
    ChildGuard(pid_t child, int fd) : child_(child), fd_(fd) {}
    ~ChildGuard() {
        closePipe();
        if (child_ > 0) {
            ::kill(child_, SIGKILL);
            int status;
            while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
            }
        }
    }
    ChildGuard(const ChildGuard&) = delete;
    ChildGuard& operator=(const ChildGuard&) = delete;

    void closePipe() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    // Waits for the child until `deadline`; kills it if it is still running then.
    // Returns its wait status.
    int reap(std::chrono::steady_clock::time_point deadline) {
        int status = 0;
        while (true) {
            const pid_t done = ::waitpid(child_, &status, WNOHANG);
            if (done == child_) break;
            if (done < 0 && errno != EINTR) throw SystemError(concat("waitpid failed: ", std::strerror(errno)));
            if (std::chrono::steady_clock::now() >= deadline) {
                ::kill(child_, SIGKILL);
                while (::waitpid(child_, &status, 0) < 0 && errno == EINTR) {
                }
                break;
            }
            ::usleep(1000);
        }
        child_ = -1;
        return status;
    }

private:
    pid_t child_;
    int fd_;
};

std::uint64_t defaultMemoryLimit() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) return 0;
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize) / 4 * 3;
}

} // namespace

std::string outOfMemoryMessage(const std::string& what, std::uint64_t memoryLimit) {
    return concat(what, ": reading needs more than the ", memoryLimit >> 20,
                  " MiB of memory allowed for this file; it may be damaged or declare far more data than it holds");
}

std::vector<std::uint8_t> runIsolated(const std::function<std::vector<std::uint8_t>()>& work,
                                      const IsolationLimits& limits, const std::string& what) {
    const std::chrono::milliseconds timeLimit = limits.time;
    const std::uint64_t memoryLimit = limits.memoryBytes ? limits.memoryBytes : defaultMemoryLimit();
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw SystemError(concat("pipe failed: ", std::strerror(errno)));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw SystemError(concat("fork failed: ", std::strerror(errno)));
    }
    if (child == 0) {
        ::close(fds[0]);
        childMain(fds[1], work, memoryLimit);
    }
    ::close(fds[1]);
    ChildGuard guard(child, fds[0]);

    std::vector<std::uint8_t> received;
    const auto deadline = std::chrono::steady_clock::now() + timeLimit;
    bool timedOut = false;
    std::uint8_t buffer[1 << 16];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd waitFor{fds[0], POLLIN, 0};
        const int ready = ::poll(&waitFor, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) throw SystemError(concat("poll failed: ", std::strerror(errno)));
        if (ready == 0) continue;
        const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break; // end of file: the child finished or died
        // The child cannot have produced more than its memory limit: more is a runaway.
        if (memoryLimit && received.size() + static_cast<std::size_t>(got) > memoryLimit)
            throw UserError(concat(what, ": the reader produced more data than this PC's memory allows"));
        received.insert(received.end(), buffer, buffer + got);
    }
    guard.closePipe();
    // After end of file the child is exiting; give it a moment, never forever.
    const int waitStatus = guard.reap(timedOut ? std::chrono::steady_clock::now()
                                               : std::chrono::steady_clock::now() + std::chrono::seconds(5));

    if (timedOut)
        throw UserError(concat(what, ": reading took longer than ", timeLimit.count() / 1000.0,
                               " s and was stopped (the file may be damaged, or too large for this PC)"));
    constexpr std::size_t kHeader = 1 + sizeof(std::uint64_t);
    std::uint64_t size = 0;
    if (received.size() >= kHeader) std::memcpy(&size, received.data() + 1, sizeof size);
    if (received.size() < kHeader || received.size() - kHeader != size)
        throw UserError(concat(what, ": the reader ", describeEnd(waitStatus),
                               " on this file; it may be damaged or use an unsupported feature"));

    const char status = static_cast<char>(received[0]);
    std::vector<std::uint8_t> payload(received.begin() + kHeader, received.end());
    if (status == kResult) return payload;
    const std::string message(payload.begin(), payload.end());
    if (status == kUserError) throw UserError(message);
    if (status == kOutOfMemory) throw UserError(outOfMemoryMessage(what, memoryLimit));
    throw UserError(concat(what, ": the reader failed: ", message));
}

} // namespace usine
