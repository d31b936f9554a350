#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace office::word {

// Interface to a dictionary back end. The core ships no dictionaries; the
// shell registers a checker per installed language pack, and plugins may
// provide additional ones (medical or legal vocabularies, for example).
//
// Words arrive already tokenised and without surrounding punctuation.
// Language tags are BCP 47 ("en-US", "fr-FR"); a checker that supports a
// language without a region ("de") should accept any region of it.
class SpellChecker {
public:
    virtual ~SpellChecker() = default;

    virtual bool supportsLanguage(std::string_view language) const = 0;

    virtual bool isCorrect(std::u16string_view word, std::string_view language) const = 0;

    // Up to `maxCount` replacement candidates, best first. May be empty.
    virtual std::vector<std::u16string> suggestions(std::u16string_view word,
                                                    std::string_view language,
                                                    std::size_t maxCount) const = 0;
};

}  // namespace office::word
