#pragma once
// Spreadsheet files as editors exchange them: RFC 4180 CSV in UTF-8, read with libcsv. Row numbers are
// the spreadsheet's own (1-based, blank rows counted), so that an error points at the row an editor sees.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // rows[i] is row i + 1; a blank row is empty
  char separator = ',';
};

struct CsvError {
  int row = 0;
  std::string message;
};

// Reads CSV text: a UTF-8 byte order mark is skipped; the separator is the one of ',', ';' and tab that
// the first row uses most (LibreOffice and Excel write ';' in many locales); CRLF or LF line ends.
std::variant<CsvTable, CsvError> read_csv(std::string_view text);

// RFC 4180: CRLF line ends, a field quoted when it holds the separator, a quote, a line end or spaces at
// either end. With `bom`, a UTF-8 byte order mark first, which Excel needs to read UTF-8.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, char separator, bool bom);

}  // namespace kiosk
