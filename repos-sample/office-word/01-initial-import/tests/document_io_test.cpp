#include "io/document_reader.h"
#include "io/document_writer.h"
#include "io/xml_scanner.h"

#include <gtest/gtest.h>

namespace office::word {
namespace {

std::vector<std::uint8_t> packageWith(std::string_view documentXml,
                                      std::string_view mimeType = package::kMimeType) {
    ZipWriter zip;
    zip.add(package::kMimeTypePart, mimeType, false);
    zip.add(package::kDocumentPart, documentXml);
    return zip.finish();
}

TEST(DocumentIo, RoundTripsTextAndFormatting) {
    Document original(u"Title\u2029Body with\ttab and\u2028break\u2029");
    RunFormat bold;
    bold.bold = true;
    bold.sizeHalfPoints = 32;
    original.applyRunFormat({0, 5}, bold);

    ParagraphFormat centered;
    centered.alignment = Alignment::Center;
    centered.spaceAfterTwips = 240;
    original.setParagraphFormat(0, centered);

    DocumentProperties properties;
    properties.title = "Quarterly <draft> & notes";

    const auto bytes = writeDocument(original, properties);
    LoadedDocument loaded = readDocument(bytes);

    ASSERT_TRUE(loaded.document);
    const Document& doc = *loaded.document;
    EXPECT_EQ(doc.text().text(), original.text().text());
    EXPECT_EQ(doc.paragraphCount(), 2u);
    EXPECT_TRUE(doc.runFormatAt(0).bold);
    EXPECT_EQ(doc.runFormatAt(0).sizeHalfPoints, 32);
    EXPECT_FALSE(doc.runFormatAt(7).bold);
    EXPECT_EQ(doc.paragraphFormat(0).alignment, Alignment::Center);
    EXPECT_EQ(doc.paragraphFormat(0).spaceAfterTwips, 240);
    EXPECT_EQ(loaded.properties.title, properties.title);
    EXPECT_TRUE(loaded.warnings.empty());
}

TEST(DocumentIo, WritingIsDeterministic) {
    Document doc(u"Same bytes every time\u2029");
    EXPECT_EQ(writeDocument(doc, {}), writeDocument(doc, {}));
}

TEST(DocumentIo, RejectsWrongMimeType) {
    const auto bytes = packageWith("<document version=\"1\"><body/></document>", "text/plain");
    EXPECT_THROW(readDocument(bytes), DocumentFormatError);
}

TEST(DocumentIo, RejectsNewerFormatVersion) {
    const auto bytes = packageWith("<document version=\"7\"><body/></document>");
    EXPECT_THROW(readDocument(bytes), DocumentFormatError);
}

TEST(DocumentIo, RejectsDoctype) {
    const auto bytes = packageWith(
        "<!DOCTYPE document [<!ENTITY a \"aaaaaaaaaa\">]>"
        "<document version=\"1\"><body><p><r><t>&a;</t></r></p></body></document>");
    EXPECT_THROW(readDocument(bytes), DocumentFormatError);
}

TEST(DocumentIo, UnknownElementsAreSkippedWithWarning) {
    const auto bytes = packageWith(
        "<document version=\"1\"><body>"
        "<p><r><t>kept</t></r><future-thing a=\"1\"><x/></future-thing></p>"
        "</body></document>");
    LoadedDocument loaded = readDocument(bytes);
    EXPECT_EQ(loaded.document->text().text(), u"kept\u2029");
    ASSERT_EQ(loaded.warnings.size(), 1u);
}

TEST(DocumentIo, LiteralSeparatorsInTextCannotCreateParagraphs) {
    // U+2029 encoded directly in <t> must not split the paragraph.
    const auto bytes = packageWith(
        "<document version=\"1\"><body><p><r><t>a&#x2029;b</t></r></p></body></document>");
    LoadedDocument loaded = readDocument(bytes);
    EXPECT_EQ(loaded.document->paragraphCount(), 1u);
    EXPECT_EQ(loaded.document->text().text(), u"a b\u2029");
}

TEST(DocumentIo, DetectsMacroProject) {
    ZipWriter zip;
    zip.add(package::kMimeTypePart, package::kMimeType, false);
    zip.add(package::kDocumentPart, "<document version=\"1\"><body><p/></body></document>");
    zip.add("macros/module1.bas", "Sub AutoOpen()\nEnd Sub\n");
    zip.add(package::kMacroSignaturePart, "<signature thumbprint=\"AB12CD\"/>");
    LoadedDocument loaded = readDocument(zip.finish());
    EXPECT_TRUE(loaded.macros.present);
    EXPECT_TRUE(loaded.macros.signaturePresent);
    EXPECT_EQ(loaded.macros.signerThumbprint, "AB12CD");
    EXPECT_EQ(loaded.macros.partNames.size(), 2u);
}

TEST(XmlScanner, DecodesEntitiesAndCharacterReferences) {
    XmlScanner xml("<a t=\"&lt;&#65;&#x42;&amp;\">x &gt; y</a>");
    ASSERT_EQ(xml.next(), XmlScanner::Token::StartElement);
    EXPECT_EQ(*xml.attribute("t"), "<AB&");
    ASSERT_EQ(xml.next(), XmlScanner::Token::Text);
    EXPECT_EQ(xml.text(), "x > y");
    EXPECT_EQ(xml.next(), XmlScanner::Token::EndElement);
    EXPECT_EQ(xml.next(), XmlScanner::Token::End);
}

TEST(XmlScanner, RejectsMismatchedTags) {
    XmlScanner xml("<a><b></a></b>");
    xml.next();
    xml.next();
    EXPECT_THROW(xml.next(), XmlError);
}

}  // namespace
}  // namespace office::word
