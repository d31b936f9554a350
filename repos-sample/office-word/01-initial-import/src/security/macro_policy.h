#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace office::word {

// Administrator-selected baseline, normally delivered through managed
// configuration. There is intentionally no "enable all macros" setting.
enum class MacroSetting {
    DisableAll,               // never run, never prompt
    DisableWithNotification,  // block, but show the message bar
    SignedByTrustedPublisher, // run only with a valid signature from an allow-listed publisher
};

// Where the document came from, as reported by the shell (download
// markers, mail client hand-off, network share detection).
enum class DocumentOrigin { LocalDisk, NetworkShare, Internet, EmailAttachment, Unknown };

struct MacroSignature {
    bool present = false;
    bool valid = false;          // chain and timestamp verified by the shell's crypto service
    std::string thumbprint;      // upper-case hex SHA-256 of the signing certificate
    std::string publisherName;   // for display only; never used for decisions
};

struct MacroContext {
    std::filesystem::path documentPath;
    DocumentOrigin origin = DocumentOrigin::Unknown;
    bool hasMacroProject = false;
    MacroSignature signature;
};

// What a macro may touch once it runs. The sandbox host enforces these;
// the policy only decides them. There is deliberately no capability for
// launching processes or loading native code: no policy can grant either.
struct SandboxCapabilities {
    bool readDocument = true;
    bool modifyDocument = true;
    bool readClipboard = false;
    bool writeClipboard = false;
    bool fileSystemRead = false;  // limited to the document's own folder when granted
    bool network = false;
    std::chrono::milliseconds cpuBudget{5000};
    std::size_t memoryBudgetBytes = 64u << 20;
};

enum class MacroVerdict {
    NoMacros,        // nothing to decide
    Run,             // run inside the sandbox with `capabilities`
    Block,           // silently disabled
    BlockAndNotify,  // disabled, with a message bar explaining why
};

struct MacroDecision {
    MacroVerdict verdict = MacroVerdict::Block;
    std::string reasonKey;  // string-table key for the message bar text
    SandboxCapabilities capabilities;
};

class MacroPolicy {
public:
    explicit MacroPolicy(MacroSetting setting);

    void addTrustedLocation(std::filesystem::path directory, bool includeSubfolders);
    void addTrustedPublisher(std::string thumbprint);
    // Network shares are only honoured as trusted locations if allowed.
    void setAllowNetworkTrustedLocations(bool allow) { allowNetworkLocations_ = allow; }

    MacroDecision evaluate(const MacroContext& context) const;

    bool isInTrustedLocation(const std::filesystem::path& documentPath) const;

private:
    struct TrustedLocation {
        std::filesystem::path directory;
        bool includeSubfolders;
    };

    MacroSetting setting_;
    std::vector<TrustedLocation> locations_;
    std::set<std::string> publishers_;
    bool allowNetworkLocations_ = false;
};

}  // namespace office::word
