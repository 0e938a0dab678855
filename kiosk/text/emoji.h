#pragma once
// Which characters are drawn as emoji (UTS #51 presentation): the colour font takes them, whole
// sequences at once, so that HarfBuzz can form ZWJ sequences, skin tones, keycaps and flags.

#include <string>
#include <vector>

namespace kiosk::text {

// Per UTF-16 unit of s: true where the character belongs to an emoji presentation sequence. Emoji
// default (Emoji_Presentation) or followed by U+FE0F are emoji; U+FE0E keeps a character text; keycaps,
// regional-indicator pairs and what a ZWJ, skin tone or tag joins to an emoji belong to it.
std::vector<bool> emoji_units(const std::u16string& s);

}  // namespace kiosk::text
