#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
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
// Edits only mark paragraphs dirty; the actual checking happens in
// checkPending(), which the shell calls from its idle handler with a small
// budget so that typing never waits for a dictionary lookup.
class SpellService final : public DocumentObserver {
public:
    SpellService(Document& document, const SpellChecker& checker, SpellOptions options = {});
    ~SpellService() override;

    SpellService(const SpellService&) = delete;
    SpellService& operator=(const SpellService&) = delete;

    // Checks up to `paragraphBudget` dirty paragraphs. Returns true if dirty
    // paragraphs remain.
    bool checkPending(std::size_t paragraphBudget);

    const std::vector<Misspelling>& misspellingsIn(std::size_t paragraph) const;

    // "Ignore all" for this document. The personal dictionary is the shell's
    // business and is exposed to us through the SpellChecker.
    void ignoreAll(std::u16string_view word);

    void documentChanged(const Document& document, const TextChange& change) override;

    // Splits text into candidate words. Ranges are relative to `text`.
    std::vector<TextRange> tokenize(std::u16string_view text) const;

private:
    bool shouldSkip(std::u16string_view word) const;
    void checkParagraph(std::size_t index);

    Document& document_;
    const SpellChecker& checker_;
    SpellOptions options_;
    std::vector<bool> dirty_;
    std::vector<std::vector<Misspelling>> results_;
    std::set<std::u16string> ignored_;
};

}  // namespace office::word
