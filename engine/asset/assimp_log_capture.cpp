// Assimp log capture through a LogStream.
#include "asset/assimp_log_capture.h"

#include <algorithm>
#include <assimp/DefaultLogger.hpp>
#include <assimp/LogStream.hpp>

namespace usine::asset {

struct AssimpLogCapture::Stream final : Assimp::LogStream {
    explicit Stream(std::shared_ptr<std::vector<std::string>> out) : out_(std::move(out)) {}
    void write(const char* message) override {
        std::string text(message);
        // Assimp writes "Warn,  T0: text\n"; keep the text.
        if (auto colon = text.find(": "); colon != std::string::npos && colon < 16) text.erase(0, colon + 2);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        if (!text.empty() && std::find(out_->begin(), out_->end(), text) == out_->end()) out_->push_back(text);
    }
    std::shared_ptr<std::vector<std::string>> out_;
};

AssimpLogCapture::AssimpLogCapture() : messages_(std::make_shared<std::vector<std::string>>()) {
    Assimp::DefaultLogger::create("", Assimp::Logger::NORMAL, 0);
    // The logger takes ownership of the stream and deletes it in kill().
    Assimp::DefaultLogger::get()->attachStream(new Stream(messages_), Assimp::Logger::Warn | Assimp::Logger::Err);
}

AssimpLogCapture::~AssimpLogCapture() { Assimp::DefaultLogger::kill(); }

const std::vector<std::string>& AssimpLogCapture::messages() const { return *messages_; }

} // namespace usine::asset
