// fork + execvp with redirected output; SIGTERM then SIGKILL on the way out.
#include "support/background_process.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace usine::testing {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& command,
                                     const std::map<std::string, std::string>& environment,
                                     const std::string& outputFile) {
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
        const int out = ::open(outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        std::vector<char*> argv;
        for (const std::string& word : command) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
}

BackgroundProcess::~BackgroundProcess() {
    if (!finished_) stop(5);
}

bool BackgroundProcess::running() {
    if (finished_) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        finished_ = true;
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return false;
    }
    return true;
}

int BackgroundProcess::wait(double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (running()) {
        if (std::chrono::steady_clock::now() > deadline) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return exitCode_;
}

void BackgroundProcess::signal(int signal) {
    if (running()) ::kill(pid_, signal);
}

int BackgroundProcess::stop(double seconds) {
    if (!running()) return exitCode_;
    ::kill(pid_, SIGTERM);
    if (wait(seconds) == -1 && running()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        finished_ = true;
        exitCode_ = -1;
    }
    return exitCode_;
}

} // namespace usine::testing
