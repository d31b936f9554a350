#include "spell/spell_session.h"

#include <algorithm>

namespace office::word {

namespace {

bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool isAsciiAlnum(char16_t c) {
    return isAsciiDigit(c) || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

bool isWhitespace(char16_t c) {
    return c == u' ' || c == u'\t' || c == u'\u00A0' || (c >= 0x2000 && c <= 0x200A) ||
           c == kLineBreak || c == kParagraphMark || c == u'\u3000';
}

// Whether a code unit can be part of a word. Without a full Unicode
// character database in the core, this errs towards "yes" for anything
// outside the punctuation and symbol blocks; dictionaries reject junk anyway.
bool isWordUnit(char16_t c) {
    if (c < 0x80) return isAsciiAlnum(c);
    if (c >= 0x00A0 && c <= 0x00BF) return false;  // Latin-1 punctuation and symbols
    if (c == 0x00D7 || c == 0x00F7) return false;  // multiplication and division signs
    if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation
    if (c >= 0x20A0 && c <= 0x20CF) return false;  // currency symbols
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation
    if (c >= 0xFF01 && c <= 0xFF0F) return false;  // fullwidth punctuation
    return true;
}

bool isApostrophe(char16_t c) { return c == u'\'' || c == u'\u2019'; }

// Case tests cover ASCII and Latin-1; other scripts are treated as caseless,
// which only means the all-caps rule never fires for them.
bool isUpper(char16_t c) {
    return (c >= u'A' && c <= u'Z') || (c >= 0x00C0 && c <= 0x00DE && c != 0x00D7);
}
bool isLower(char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= 0x00DF && c <= 0x00FF && c != 0x00F7);
}

bool looksLikeAddress(std::u16string_view chunk) {
    if (chunk.find(u"://") != std::u16string_view::npos) return true;
    if (chunk.size() > 4 && chunk.substr(0, 4) == u"www.") return true;
    const auto at = chunk.find(u'@');
    return at != std::u16string_view::npos && at > 0 &&
           chunk.find(u'.', at) != std::u16string_view::npos;
}

}  // namespace

SpellSession::SpellSession(Document& document, const SpellChecker& checker, SpellOptions options)
    : document_(document), checker_(checker), options_(options) {
    dirty_.assign(document_.paragraphCount(), true);
    dirtyCount_ = dirty_.size();
    results_.resize(document_.paragraphCount());
    document_.addObserver(this);
}

SpellSession::~SpellSession() { document_.removeObserver(this); }

std::vector<TextRange> SpellSession::tokenize(std::u16string_view text) const {
    std::vector<TextRange> words;
    std::size_t i = 0;
    while (i < text.size()) {
        if (isWhitespace(text[i])) {
            ++i;
            continue;
        }
        std::size_t chunkEnd = i;
        while (chunkEnd < text.size() && !isWhitespace(text[chunkEnd])) ++chunkEnd;

        if (!(options_.ignoreUrls && looksLikeAddress(text.substr(i, chunkEnd - i)))) {
            std::size_t j = i;
            while (j < chunkEnd) {
                if (!isWordUnit(text[j])) {
                    ++j;
                    continue;
                }
                const std::size_t start = j;
                while (j < chunkEnd) {
                    if (isWordUnit(text[j])) {
                        ++j;
                    } else if (isApostrophe(text[j]) && j + 1 < chunkEnd && isWordUnit(text[j + 1])) {
                        j += 2;  // "don't", "l’homme": the apostrophe stays inside the word
                    } else {
                        break;
                    }
                }
                words.push_back({start, j - start});
            }
        }
        i = chunkEnd;
    }
    return words;
}

bool SpellSession::shouldSkip(std::u16string_view word) const {
    if (word.empty()) return true;
    if (ignored_.count(std::u16string(word)) != 0) return true;

    if (options_.ignoreWordsWithDigits &&
        std::any_of(word.begin(), word.end(), [](char16_t c) { return isAsciiDigit(c); })) {
        return true;
    }
    if (options_.ignoreAllCaps && word.size() > 1 &&
        std::any_of(word.begin(), word.end(), isUpper) &&
        std::none_of(word.begin(), word.end(), isLower)) {
        return true;
    }
    return false;
}

bool SpellSession::languageSupported(const std::string& language) const {
    const auto it = languageSupport_.find(language);
    if (it != languageSupport_.end()) return it->second;
    const bool supported = checker_.supportsLanguage(language);
    languageSupport_.emplace(language, supported);
    return supported;
}

void SpellSession::markDirty(std::size_t index) {
    if (!dirty_[index]) {
        dirty_[index] = true;
        ++dirtyCount_;
    }
    firstDirty_ = std::min(firstDirty_, index);
}

void SpellSession::checkParagraph(std::size_t index) {
    const TextRange range = document_.paragraphRange(index);
    const std::u16string text = document_.plainText({range.start, range.length - 1});
    const std::u16string_view view(text);

    std::vector<Misspelling> found;
    for (const TextRange& word : tokenize(view)) {
        const std::u16string_view candidate = view.substr(word.start, word.length);
        if (shouldSkip(candidate)) continue;

        const RunFormat& format = document_.runFormatAt(range.start + word.start);
        if (format.noProof || format.hidden) continue;
        if (!languageSupported(format.language)) continue;

        if (!checker_.isCorrect(candidate, format.language)) {
            found.push_back({word, std::u16string(candidate)});
        }
    }
    const bool changed = results_[index].size() != found.size() ||
                         !std::equal(found.begin(), found.end(), results_[index].begin(),
                                     [](const Misspelling& a, const Misspelling& b) {
                                         return a.range == b.range && a.word == b.word;
                                     });
    results_[index] = std::move(found);
    dirty_[index] = false;
    --dirtyCount_;
    if (changed && resultsChanged_) resultsChanged_(index);
}

bool SpellSession::checkPending(std::size_t paragraphBudget) {
    // Resume from the first paragraph that can be dirty instead of scanning
    // from the top on every idle tick; in a long document that scan used to
    // dominate the idle handler.
    std::size_t checked = 0;
    std::size_t i = firstDirty_;
    for (; i < dirty_.size() && dirtyCount_ > 0; ++i) {
        if (!dirty_[i]) continue;
        if (checked == paragraphBudget) break;
        checkParagraph(i);
        ++checked;
    }
    firstDirty_ = dirtyCount_ == 0 ? dirty_.size() : i;
    return dirtyCount_ > 0;
}

const std::vector<Misspelling>& SpellSession::misspellingsIn(std::size_t paragraph) const {
    return results_.at(paragraph);
}

void SpellSession::ignoreAll(std::u16string_view word) {
    const std::u16string key(word);
    ignored_.insert(key);
    for (auto& paragraph : results_) {
        paragraph.erase(std::remove_if(paragraph.begin(), paragraph.end(),
                                       [&key](const Misspelling& m) { return m.word == key; }),
                        paragraph.end());
    }
}

void SpellSession::documentChanged(const Document& document, const TextChange& change) {
    if (change.kind == TextChange::Kind::ParagraphFormat) return;  // cannot affect spelling

    const std::size_t count = document.paragraphCount();
    const std::size_t first =
        document.paragraphAt(std::min(change.position, document.length() - 1));

    if (count != change.paragraphCountBefore) {
        // Paragraphs at or after `first` shift index; recount from scratch.
        dirty_.resize(count);
        results_.resize(count);
        for (std::size_t i = first; i < count; ++i) {
            dirty_[i] = true;
            results_[i].clear();
        }
        dirtyCount_ = static_cast<std::size_t>(std::count(dirty_.begin(), dirty_.end(), true));
        firstDirty_ = std::min(firstDirty_, first);
        return;
    }

    const std::size_t endPos = std::min(change.position + change.inserted, document.length() - 1);
    const std::size_t last = document.paragraphAt(endPos);
    for (std::size_t i = first; i <= last; ++i) {
        markDirty(i);
        // Keep squiggles before the edit so the paragraph does not flicker
        // while the user types; drop those at or after it, whose offsets
        // are stale until the paragraph is rechecked.
        const std::size_t paragraphStart = document.paragraphRange(i).start;
        const std::size_t editOffset =
            change.position > paragraphStart ? change.position - paragraphStart : 0;
        auto& found = results_[i];
        found.erase(std::remove_if(found.begin(), found.end(),
                                   [editOffset](const Misspelling& m) {
                                       return m.range.end() >= editOffset;
                                   }),
                    found.end());
    }
}

}  // namespace office::word
