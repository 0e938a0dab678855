#include "core/import/service_yaml.h"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <stdexcept>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// A single language-neutral text is a plain scalar, as editors write proper names; anything else a mapping.
void emit_text(YAML::Emitter& e, const char* key, const std::map<std::string, std::string>& text) {
  if (text.empty()) return;
  e << YAML::Key << key << YAML::Value;
  if (text.size() == 1 && text.begin()->first == "und") {
    e << text.begin()->second;
    return;
  }
  e << YAML::BeginMap;
  for (const auto& [tag, value] : text) e << YAML::Key << tag << YAML::Value << value;
  e << YAML::EndMap;
}

void emit_flow_list(YAML::Emitter& e, const char* key, const std::vector<std::string>& items) {
  if (items.empty()) return;
  e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& i : items) e << i;
  e << YAML::EndSeq;
}

void emit_service(YAML::Emitter& e, const ImportedService& s) {
  e << YAML::BeginMap;
  e << YAML::Key << "id" << YAML::Value << s.id;
  e << YAML::Key << "category" << YAML::Value << s.category;
  emit_text(e, "name", s.name);
  emit_text(e, "description", s.description);
  if (!s.street.empty() || !s.postcode.empty() || !s.city.empty()) {
    e << YAML::Key << "address" << YAML::Value << YAML::BeginMap;
    if (!s.street.empty()) e << YAML::Key << "street" << YAML::Value << s.street;
    // Quoted: a postcode such as 01067 is text, not a number.
    if (!s.postcode.empty()) e << YAML::Key << "postcode" << YAML::Value << YAML::DoubleQuoted << s.postcode;
    if (!s.city.empty()) e << YAML::Key << "city" << YAML::Value << s.city;
    e << YAML::EndMap;
  }
  e << YAML::Key << "lat" << YAML::Value << fmt::format("{:.7f}", s.lat);
  e << YAML::Key << "lon" << YAML::Value << fmt::format("{:.7f}", s.lon);
  if (!s.opening_hours.empty())
    e << YAML::Key << "opening_hours" << YAML::Value << YAML::DoubleQuoted << s.opening_hours;
  if (s.phones.size() == 1) e << YAML::Key << "phone" << YAML::Value << YAML::DoubleQuoted << s.phones[0];
  if (s.phones.size() > 1) {
    e << YAML::Key << "phone" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : s.phones) e << YAML::DoubleQuoted << p;
    e << YAML::EndSeq;
  }
  if (!s.website.empty()) e << YAML::Key << "website" << YAML::Value << s.website;
  if (!s.email.empty()) e << YAML::Key << "email" << YAML::Value << s.email;
  emit_flow_list(e, "languages", s.languages);
  if (!s.fees.empty()) e << YAML::Key << "fees" << YAML::Value << s.fees;
  emit_text(e, "fee_note", s.fee_note);
  if (s.documents) {
    if (s.documents->empty())
      e << YAML::Key << "documents" << YAML::Value << "none";
    else
      emit_flow_list(e, "documents", *s.documents);
  }
  if (!s.wheelchair.empty()) e << YAML::Key << "wheelchair" << YAML::Value << s.wheelchair;
  emit_flow_list(e, "target_groups", s.target_groups);
  if (!s.source.empty()) e << YAML::Key << "source" << YAML::Value << s.source;
  if (!s.last_verified.empty()) e << YAML::Key << "last_verified" << YAML::Value << s.last_verified;
  e << YAML::EndMap;
}

}  // namespace

std::string service_yaml(const ImportedService& s) {
  YAML::Emitter e;
  e.SetIndent(2);
  e << YAML::BeginMap << YAML::Key << "services" << YAML::Value << YAML::BeginSeq;
  emit_service(e, s);
  e << YAML::EndSeq << YAML::EndMap;
  return e.c_str();
}

void write_service_file(const fs::path& dir, std::string_view prefix, std::string_view header,
                        const ImportedService& s) {
  const fs::path file = dir / fmt::format("{}{}.yaml", prefix, s.id);
  std::ofstream out(file, std::ios::binary);
  out << header << service_yaml(s) << "\n";
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

void remove_imported_files(const fs::path& dir, std::string_view prefix) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove(entry.path());
}

Slugger::Slugger() {
  UErrorCode status = U_ZERO_ERROR;
  tr_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) tr_.reset();
}

Slugger::~Slugger() = default;

std::string Slugger::slug(const std::string& text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (tr_) tr_->transliterate(u);
  std::string ascii;
  u.toUTF8String(ascii);
  std::string out;
  for (char c : ascii) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
    if (out.size() >= 48) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace kiosk
