#include "editor/pdf_strip.hpp"

#include "editor/strip_metadata.hpp"

// qpdf 11 asks new code to say it needs no PointerHolder; its header warns otherwise (-Werror).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFWriter.hh>

#include <new>
#include <string>

namespace farol::editor {

namespace {

void remove_metadata_streams(QPDF& pdf) {
    for (auto& object : pdf.getAllObjects()) {
        if (object.isStream()) {
            object.getDict().removeKey("/Metadata");
        } else if (object.isDictionary()) {
            object.removeKey("/Metadata");
        }
    }
}

} // namespace

void strip_pdf(std::filesystem::path const& in, std::filesystem::path const& out) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true); // recovered damage is fine; what cannot be recovered throws
        pdf.processFile(in.c_str());
        pdf.getTrailer().removeKey("/Info");
        remove_metadata_streams(pdf);
        QPDFWriter writer(pdf, out.c_str());
        // Every stream's bytes as they were: nothing decoded and recompressed, nothing to re-render.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setCompressStreams(false);
        // A content-derived /ID keeps no trace of the author's machine and lets the content-addressed
        // store keep one copy of the same upload; qpdf cannot derive it while keeping encryption.
        if (!pdf.isEncrypted()) writer.setDeterministicID(true);
        writer.write();
    } catch (QPDFExc const& e) {
        if (e.getErrorCode() == qpdf_e_password) throw strip_error("the PDF needs a password to open");
        throw strip_error("the PDF cannot be read: " + e.getMessageDetail());
    } catch (std::bad_alloc const&) {
        throw;
    } catch (std::exception const& e) { // qpdf throws logic_error and runtime_error for some damage too
        throw strip_error(std::string("the PDF cannot be read: ") + e.what());
    }
}

} // namespace farol::editor
