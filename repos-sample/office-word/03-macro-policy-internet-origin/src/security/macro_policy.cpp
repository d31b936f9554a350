#include "security/macro_policy.h"

#include <algorithm>
#include <cctype>
#include <cwctype>
#include <iterator>
#include <stdexcept>
#include <system_error>

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

// Resolves symbolic links where the path exists, so that a link inside a
// trusted folder pointing elsewhere is judged by its target, and removes
// "." and ".." segments everywhere else.
std::filesystem::path normalisePath(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path result = std::filesystem::weakly_canonical(path, ec);
    if (ec) result = path.lexically_normal();
    // "dir/" and "dir" must compare equal.
    if (!result.has_filename() && result.has_relative_path()) result = result.parent_path();
#if defined(_WIN32)
    // NTFS paths are case-insensitive; compare them that way.
    std::wstring folded = result.wstring();
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](wchar_t c) { return static_cast<wchar_t>(std::towlower(c)); });
    result = folded;
#endif
    return result;
}

// Component-wise containment test. Plain string prefix matching would treat
// "/srv/templates-old/x.owdx" as inside "/srv/templates".
bool isInside(const std::filesystem::path& directory, const std::filesystem::path& file,
              bool includeSubfolders) {
    const std::filesystem::path relative = file.lexically_relative(directory);
    if (relative.empty() || relative.is_absolute()) return false;
    const auto first = relative.begin();
    if (*first == ".." || *first == ".") return false;
    return includeSubfolders || std::distance(relative.begin(), relative.end()) == 1;
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
    if (!directory.is_absolute()) {
        throw std::invalid_argument("trusted location must be an absolute path: " + directory.string());
    }
    locations_.push_back({normalisePath(directory), includeSubfolders});
}

void MacroPolicy::addTrustedPublisher(std::string thumbprint) {
    publishers_.insert(normaliseThumbprint(std::move(thumbprint)));
}

bool MacroPolicy::isInTrustedLocation(const std::filesystem::path& documentPath) const {
    if (!documentPath.is_absolute()) return false;
    const std::filesystem::path document = normalisePath(documentPath);
    return std::any_of(locations_.begin(), locations_.end(), [&](const TrustedLocation& location) {
        return isInside(location.directory, document, location.includeSubfolders);
    });
}

MacroDecision MacroPolicy::evaluate(const MacroContext& context) const {
    if (!context.hasMacroProject) {
        MacroDecision decision;
        decision.verdict = MacroVerdict::NoMacros;
        return decision;
    }

    // Documents that arrived from the internet or by mail never run macros,
    // whatever folder they were saved to and whoever signed them. Asking the
    // user to save an attachment into a trusted folder first is a standard
    // phishing step; the origin marker survives that move, so it wins.
    // TODO(LOC-212): dedicated message once the string is translated.
    if (context.origin == DocumentOrigin::Internet ||
        context.origin == DocumentOrigin::EmailAttachment) {
        return blocked(MacroVerdict::BlockAndNotify, "macro.reason.disabled_by_policy");
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
