import XCTest
@testable import SIKIMCore

final class WilayahTests: XCTestCase {
    func testKodeMenentukanTingkat() {
        XCTAssertEqual(KodeWilayah("36.04")?.tingkat, .kabupaten)
        XCTAssertEqual(KodeWilayah("36.04.05")?.tingkat, .kecamatan)
        XCTAssertEqual(KodeWilayah("36.04.05.2001")?.tingkat, .desa)
    }

    func testKodeTidakValidDitolak() {
        for teks in ["", "36", "36.4", "36.04.5", "36.04.05.201", "36.04.05.20011", "36..04", "36.04.", "3a.04",
                     "36.04.05.2001.1", " 36.04", "36,04", "٣٦.٠٤"] {
            XCTAssertNil(KodeWilayah(teks), teks)
        }
    }

    func testIndukDanCakupan() throws {
        let desa = try XCTUnwrap(KodeWilayah("36.04.05.2001"))
        let kec = try XCTUnwrap(KodeWilayah("36.04.05"))
        let kab = try XCTUnwrap(KodeWilayah("36.04"))
        XCTAssertEqual(desa.induk, kec)
        XCTAssertEqual(kec.induk, kab)
        XCTAssertNil(kab.induk)
        XCTAssertTrue(kab.mencakup(desa))
        XCTAssertTrue(kec.mencakup(desa))
        XCTAssertTrue(desa.mencakup(desa))
        XCTAssertFalse(desa.mencakup(kec))
        // 36.04.05 must not contain 36.04.050 style look-alikes, nor a sibling kecamatan.
        XCTAssertFalse(kec.mencakup(try XCTUnwrap(KodeWilayah("36.04.06.2001"))))
        XCTAssertFalse(try XCTUnwrap(KodeWilayah("36.04.05.2001")).mencakup(try XCTUnwrap(KodeWilayah("36.04.05.2002"))))
    }

    func testBerkasWilayahBawaanLengkapDanKonsisten() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SIKIMServer/Resources/Data/wilayah-serang.csv")
        let daftar = try DataWilayah.urai(csv: String(contentsOf: url, encoding: .utf8))
        XCTAssertEqual(daftar.filter { $0.tingkat == .kabupaten }.count, 1)
        XCTAssertEqual(daftar.filter { $0.tingkat == .kecamatan }.count, 29)
        XCTAssertEqual(daftar.filter { $0.tingkat == .desa }.count, 326)
        let kode = Set(daftar.map(\.kode))
        for w in daftar { if let induk = w.kode.induk { XCTAssertTrue(kode.contains(induk), w.kode.nilai) } }
        let kramatwatu = try XCTUnwrap(daftar.first { $0.kode.nilai == "36.04.05" })
        XCTAssertEqual(kramatwatu.nama, "Kramatwatu")
        XCTAssertEqual(kramatwatu.namaLengkap, "Kecamatan Kramatwatu")
        // Names follow the current spelling (matched by code, not by name).
        XCTAssertEqual(daftar.first { $0.kode.nilai == "36.04.20.2001" }?.nama, "Tunjung Teja")
    }

    func testBerkasRusakDitolakDenganAlasan() {
        let h = DataWilayah.kepala
        func gagal(_ csv: String) -> KesalahanDataWilayah? {
            do { _ = try DataWilayah.urai(csv: csv); return nil } catch { return error }
        }
        XCTAssertEqual(gagal("kode,nama\n"), .kepalaTidakSesuai("kode,nama"))
        XCTAssertEqual(gagal("\(h)\n36.04,Kab,kabupaten,36,-6.1\n"), .barisTidakValid(baris: 2, alasan: "harus 6 kolom"))
        XCTAssertEqual(gagal("\(h)\n36.04.x,Kab,kabupaten,36,-6.1,106\n"), .barisTidakValid(baris: 2, alasan: "kode 36.04.x tidak valid"))
        XCTAssertEqual(gagal("\(h)\n36.04,Kab,desa,36,-6.1,106\n"), .barisTidakValid(baris: 2, alasan: "tingkat desa tidak sesuai kode"))
        XCTAssertEqual(gagal("\(h)\n36.04,Kab,kabupaten,36,-96.1,106\n"), .barisTidakValid(baris: 2, alasan: "koordinat tidak valid"))
        XCTAssertEqual(gagal("\(h)\n36.04,Kab,kabupaten,36,-6.1,106\n36.04,Kab,kabupaten,36,-6.1,106\n"), .kodeGanda("36.04"))
        XCTAssertEqual(gagal("\(h)\n36.04.05,Kec,kecamatan,36.04,-6.1,106\n"), .indukTidakAda(kode: "36.04.05", induk: "36.04"))
        XCTAssertEqual(gagal("\(h)\n36.04,Kab,kabupaten,36,-6.1,106\n36.04.05,Kec,kecamatan,36.03,-6.1,106\n"),
                       .barisTidakValid(baris: 3, alasan: "kode_induk 36.03 tidak sesuai kode"))
        XCTAssertNotNil(gagal("\(h)\n36.04,,kabupaten,36,-6.1,106\n"))
    }
}
