#pragma once
#include <filesystem>

namespace farol::editor {

// Rewrites a PDF with qpdf without its document information dictionary (trailer /Info) or any XMP
// metadata stream (/Metadata in the catalog, a page, an image or any other indirect dictionary; PDF
// 32000-1 14.3), keeping every other object and every stream's bytes as they were. Only objects
// reachable from the trailer are written, so earlier revisions of an incrementally saved file go
// too. The /ID is derived from the content (QPDFWriter::setDeterministicID), except for an encrypted
// PDF, which keeps its encryption and gets a fresh random /ID. Throws strip_error for a PDF qpdf
// cannot read or that needs a password to open.
void strip_pdf(std::filesystem::path const& in, std::filesystem::path const& out);

} // namespace farol::editor
