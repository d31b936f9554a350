#include "security/macro_policy.h"

#include <algorithm>
#include <cctype>

namespace office::word {

namespace {

std::string normaliseThumbprint(std::string thumbprint) {
    thumbprint.erase(std::remove_if(thumbprint.begin(), thumbprint.end(),
                                    [](unsigned char c) { return c == ':' || std::isspace(c); }),
                     thumbprint.end());
    std::transform(thumbprint.begin(), thumbprint.end(), thumbprint.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return thumbprint;
}

MacroDecision blocked(MacroVerdict verdict, std::string reasonKey) {
    MacroDecision decision;
    decision.verdict = verdict;
    decision.reasonKey = std::move(reasonKey);
    return decision;
}

}  // namespace

MacroPolicy::MacroPolicy(MacroSetting setting) : setting_(setting) {}

void MacroPolicy::addTrustedLocation(std::filesystem::path directory, bool includeSubfolders) {
    locations_.push_back({std::move(directory), includeSubfolders});
}

void MacroPolicy::addTrustedPublisher(std::string thumbprint) {
    publishers_.insert(normaliseThumbprint(std::move(thumbprint)));
}

bool MacroPolicy::isInTrustedLocation(const std::filesystem::path& documentPath) const {
    const std::string document = documentPath.string();
    for (const TrustedLocation& location : locations_) {
        const std::string directory = location.directory.string();
        if (document.compare(0, directory.size(), directory) != 0) continue;
        if (location.includeSubfolders) return true;
        if (documentPath.parent_path() == location.directory) return true;
    }
    return false;
}

MacroDecision MacroPolicy::evaluate(const MacroContext& context) const {
    if (!context.hasMacroProject) {
        MacroDecision decision;
        decision.verdict = MacroVerdict::NoMacros;
        return decision;
    }

    // Trusted locations bypass the setting, except that network shares must
    // be allowed explicitly: a share is writable by far more people than a
    // local folder.
    const bool networkDocument = context.origin == DocumentOrigin::NetworkShare;
    if (isInTrustedLocation(context.documentPath) && (!networkDocument || allowNetworkLocations_)) {
        MacroDecision decision;
        decision.verdict = MacroVerdict::Run;
        decision.reasonKey = "macro.reason.trusted_location";
        return decision;
    }

    switch (setting_) {
        case MacroSetting::DisableAll:
            return blocked(MacroVerdict::Block, "macro.reason.disabled_by_policy");

        case MacroSetting::DisableWithNotification:
            return blocked(MacroVerdict::BlockAndNotify, "macro.reason.disabled_by_policy");

        case MacroSetting::SignedByTrustedPublisher: {
            const MacroSignature& signature = context.signature;
            if (!signature.present) return blocked(MacroVerdict::BlockAndNotify, "macro.reason.unsigned");
            if (!signature.valid) {
                return blocked(MacroVerdict::BlockAndNotify, "macro.reason.invalid_signature");
            }
            if (publishers_.count(normaliseThumbprint(signature.thumbprint)) == 0) {
                return blocked(MacroVerdict::BlockAndNotify, "macro.reason.untrusted_publisher");
            }
            MacroDecision decision;
            decision.verdict = MacroVerdict::Run;
            decision.reasonKey = "macro.reason.trusted_publisher";
            return decision;
        }
    }
    return blocked(MacroVerdict::Block, "macro.reason.disabled_by_policy");
}

}  // namespace office::word
