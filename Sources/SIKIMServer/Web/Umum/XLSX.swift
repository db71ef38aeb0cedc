import SIKIMCore
import SIKIMData
import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook: one sheet per table, strings inline, bold header
/// row, numbers as numbers. Enough for Excel, LibreOffice and the ministry's templates.
enum XLSX {
    struct Lembar {
        let nama: String
        let baris: [[String]]
    }

    static func buat(_ lembar: [Lembar]) throws -> Data {
        let arsip = try Archive(accessMode: .create)
        func tambah(_ jalur: String, _ isi: String) throws {
            let data = Data(isi.utf8)
            try arsip.addEntry(with: jalur, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_700_000_000),
                               compressionMethod: .deflate) { pos, ukuran in data.subdata(in: Int(pos)..<Int(pos) + ukuran) }
        }
        let nomor = Array(1...lembar.count)
        try tambah("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        \(nomor.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
        </Types>
        """)
        try tambah("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """)
        try tambah("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        \(zip(nomor, lembar).map { "<sheet name=\"\(esc(String($1.nama.prefix(31))))\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }.joined())\
        </sheets></workbook>
        """)
        try tambah("xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        \(nomor.map { "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined())\
        <Relationship Id="rId\(lembar.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """)
        try tambah("xl/styles.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>\
        <cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>
        """)
        for (n, l) in zip(nomor, lembar) { try tambah("xl/worksheets/sheet\(n).xml", lembarXML(l)) }
        guard let data = arsip.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func lembarXML(_ l: Lembar) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (r, baris) in l.baris.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, nilai) in baris.enumerated() {
                let ref = kolom(c) + String(r + 1)
                let gaya = r == 0 ? " s=\"1\"" : ""
                // Digits only, no leading zero, short: a number; anything else (codes, phones) stays text.
                if r > 0, !nilai.isEmpty, nilai.count < 10, nilai.allSatisfy(\.isASCII), nilai.allSatisfy(\.isNumber), nilai.first != "0" {
                    s += "<c r=\"\(ref)\"\(gaya)><v>\(nilai)</v></c>"
                } else {
                    s += "<c r=\"\(ref)\" t=\"inlineStr\"\(gaya)><is><t xml:space=\"preserve\">\(esc(nilai))</t></is></c>"
                }
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>"
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func kolom(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(65 + r)!) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// XML text escaping; characters XML 1.0 forbids are dropped.
    static func esc(_ s: String) -> String {
        var h = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": h += "&amp;"
            case "<": h += "&lt;"
            case ">": h += "&gt;"
            case "\"": h += "&quot;"
            case "\t", "\n", "\r": h.unicodeScalars.append(u)
            default: if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { h.unicodeScalars.append(u) }
            }
        }
        return h
    }
}
