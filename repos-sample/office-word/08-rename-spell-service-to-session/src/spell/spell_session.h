#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "spell/spell_checker.h"

namespace office::word {

struct SpellOptions {
    bool ignoreAllCaps = true;          // acronyms such as "HTTP" or "NATO"
    bool ignoreWordsWithDigits = true;  // part numbers, "3rd", "A4"
    bool ignoreUrls = true;             // anything that looks like a URL or address
};

// A misspelled word, with its range relative to the start of its paragraph.
struct Misspelling {
    TextRange range;
    std::u16string word;
};

// Keeps per-paragraph spelling results for one document up to date.
//
// There is one session per open document. (This class used to be called
// SpellService, which suggested a process-wide singleton and clashed with
// the shell's own spelling service that owns the dictionaries.)
//
// Edits only mark paragraphs dirty; the actual checking happens in
// checkPending(), which the shell calls from its idle handler with a small
// budget so that typing never waits for a dictionary lookup.
class SpellSession final : public DocumentObserver {
public:
    SpellSession(Document& document, const SpellChecker& checker, SpellOptions options = {});
    ~SpellSession() override;

    SpellSession(const SpellSession&) = delete;
    SpellSession& operator=(const SpellSession&) = delete;

    // Checks up to `paragraphBudget` dirty paragraphs. Returns true if dirty
    // paragraphs remain.
    bool checkPending(std::size_t paragraphBudget);

    std::size_t pendingCount() const noexcept { return dirtyCount_; }

    // Called after a paragraph's results change, so the view can repaint
    // its squiggles without diffing every paragraph on every idle tick.
    void setResultsChangedCallback(std::function<void(std::size_t paragraph)> callback) {
        resultsChanged_ = std::move(callback);
    }

    const std::vector<Misspelling>& misspellingsIn(std::size_t paragraph) const;

    // "Ignore all" for this document. The personal dictionary is the shell's
    // business and is exposed to us through the SpellChecker.
    void ignoreAll(std::u16string_view word);

    void documentChanged(const Document& document, const TextChange& change) override;

    // Splits text into candidate words. Ranges are relative to `text`.
    std::vector<TextRange> tokenize(std::u16string_view text) const;

private:
    bool shouldSkip(std::u16string_view word) const;
    bool languageSupported(const std::string& language) const;
    void checkParagraph(std::size_t index);
    void markDirty(std::size_t index);

    Document& document_;
    const SpellChecker& checker_;
    SpellOptions options_;
    std::vector<bool> dirty_;
    std::size_t dirtyCount_ = 0;
    std::size_t firstDirty_ = 0;  // no dirty paragraph before this index
    std::vector<std::vector<Misspelling>> results_;
    std::set<std::u16string> ignored_;
    // supportsLanguage() may consult the shell's language pack registry;
    // a document rarely uses more than two or three languages.
    mutable std::unordered_map<std::string, bool> languageSupport_;
    std::function<void(std::size_t)> resultsChanged_;
};

}  // namespace office::word
