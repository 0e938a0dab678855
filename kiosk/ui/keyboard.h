#pragma once
// On-screen keyboards that follow the active locale's script: Latin with the language's letters,
// Cyrillic, Arabic, Persian, Sorani, Ethiopic syllables (a consonant, then its vowel) and Tamil.

#include <string>
#include <vector>

namespace kiosk::ui {

struct KeyboardLayout {
  std::vector<std::vector<std::string>> rows;  // keys in reading order
  bool ethiopic_orders = false;                // a row of vowel orders that modify the last syllable
};

KeyboardLayout keyboard_for(const std::string& locale);

// Applies a letter key to the query: it appends. Special keys: "\b" deletes the last character, " " is a
// space.
void apply_key(std::string& query, const std::string& key);

// The seven Ethiopic vowel orders as shown on their keys (ä u i a e ə o on the letter ሀ). The first looks
// like the consonant key ሀ: the keys are told apart by where they are, not by their text.
const std::vector<std::string>& ethiopic_order_keys();

// Applies vowel-order key `order` (0-6): the last syllable takes that order (ለ + 3 = ላ); after anything
// else the key types its own syllable.
void apply_vowel_order(std::string& query, std::size_t order);

}  // namespace kiosk::ui
