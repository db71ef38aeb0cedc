import Foundation
import SIKIMCore
import XCTest

/// Phone photos made with Pillow carrying GPS, author, maker, a comment and an orientation
/// (`Tests/Fixtures/gambar`): stored copies keep the picture and nothing that says who took it
/// or where.
final class MetadataGambarTests: XCTestCase {
    static func gambar(_ nama: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/gambar/\(nama)")
        return [UInt8](try Data(contentsOf: url))
    }

    /// Text an inspector would find: the author, the maker, the comment, the EXIF GPS IFD tag.
    static let jejak = ["Siti Rohmah", "Samsung", "Kramatwatu", "dibuat oleh", "Exif\0\0MM\0*\0\0\0\u{8}\0\u{4}"]

    func adaJejak(_ b: [UInt8]) -> [String] {
        let teks = String(decoding: b, as: UTF8.self)
        return Self.jejak.filter { teks.contains($0) } + (b.indices.dropLast(1).contains { b[$0] == 0x88 && b[$0 + 1] == 0x25 } ? ["GPS"] : [])
    }

    func testJPEGKehilanganMetadataTetapiMenyimpanGambarDanOrientasi() throws {
        let asal = try Self.gambar("exif.jpg")
        XCTAssertFalse(adaJejak(asal).isEmpty, "the fixture carries metadata")
        let hasil = try MetadataGambar.bersihkan(asal, jenis: .jpeg)
        XCTAssertEqual(adaJejak(hasil), [])
        XCTAssertEqual(Array(hasil.prefix(2)), [0xFF, 0xD8])
        XCTAssertEqual(Array(hasil.suffix(2)), [0xFF, 0xD9])
        XCTAssertTrue(String(decoding: hasil, as: UTF8.self).contains("JFIF"), "JFIF stays")
        // The orientation (6: rotate 90°) stays, alone, so the photo shows upright.
        let sisa = MetadataGambar.segmenOrientasi(6)
        XCTAssertNotNil(hasil.firstRange(of: sisa))
        // The image data is untouched: everything from the first quantisation table on.
        let awalData = { (b: [UInt8]) in b.firstRange(of: [0xFF, 0xDB])!.lowerBound }
        XCTAssertEqual(Array(hasil[awalData(hasil)...]), Array(asal[awalData(asal)...]))
        XCTAssertEqual(try MetadataGambar.bersihkan(hasil, jenis: .jpeg), hasil, "cleaning twice changes nothing")
    }

    func testJPEGTanpaMetadataTidakBerubah() throws {
        let polos = try Self.gambar("polos.jpg")
        XCTAssertEqual(try MetadataGambar.bersihkan(polos, jenis: .jpeg), polos)
    }

    func testPNGDanWebPKehilanganMetadata() throws {
        for (nama, jenis) in [("exif.png", JenisBerkas.png), ("exif.webp", .webp)] {
            let asal = try Self.gambar(nama)
            XCTAssertFalse(adaJejak(asal).isEmpty, nama)
            let hasil = try MetadataGambar.bersihkan(asal, jenis: jenis)
            XCTAssertEqual(adaJejak(hasil), [], nama)
            XCTAssertEqual(JenisBerkas.kenali(hasil), jenis)
            XCTAssertLessThan(hasil.count, asal.count)
        }
        let webp = try MetadataGambar.bersihkan(try Self.gambar("exif.webp"), jenis: .webp)
        let ukuran = Int(webp[4]) | Int(webp[5]) << 8 | Int(webp[6]) << 16 | Int(webp[7]) << 24
        XCTAssertEqual(ukuran, webp.count - 8, "the RIFF size follows")
        XCTAssertEqual(webp[20] & 0x0C, 0, "VP8X no longer announces EXIF or XMP")
    }

    func testGambarRusakDitolak() throws {
        let asal = try Self.gambar("polos.jpg")
        for rusak in [Array(asal.prefix(asal.count / 2)), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], [0xFF, 0xD8]] {
            XCTAssertThrowsError(try MetadataGambar.bersihkan(rusak, jenis: .jpeg))
        }
        XCTAssertThrowsError(try MetadataGambar.bersihkan(Array(try Self.gambar("exif.png").prefix(40)), jenis: .png))
    }
}
