import Foundation
import XCTest
@testable import SIKIMCore

final class AkunTests: XCTestCase {
    func galat(_ langkah: () throws(KesalahanIsian) -> Void) -> [String] {
        do { try langkah(); return [] } catch { return error.butir.map(\.bidang) }
    }

    func testPenugasanSesuaiPeran() throws {
        XCTAssertEqual(try Penugasan.buat(peran: .admin, kodeWilayah: nil, kodeOPD: nil), .admin)
        XCTAssertEqual(try Penugasan.buat(peran: .verifikator, kodeWilayah: "", kodeOPD: ""), .verifikator)
        XCTAssertEqual(try Penugasan.buat(peran: .operatorKecamatan, kodeWilayah: "36.04.05", kodeOPD: nil),
                       .operatorKecamatan(KodeWilayah("36.04.05")!))
        XCTAssertEqual(try Penugasan.buat(peran: .operatorDesa, kodeWilayah: "36.04.05.2001", kodeOPD: nil),
                       .operatorDesa(KodeWilayah("36.04.05.2001")!))
        let kim = UUID()
        XCTAssertEqual(try Penugasan.buat(peran: .pengurusKim, kodeWilayah: nil, kodeOPD: nil, kim: (kim, KodeWilayah("36.04.05.2001")!)),
                       .pengurusKim(kim: kim, wilayah: KodeWilayah("36.04.05.2001")!))
        XCTAssertEqual(try Penugasan.buat(peran: .opd, kodeWilayah: nil, kodeOPD: "bpbd"), .opd(kode: "bpbd"))
    }

    func testPenugasanYangTidakCocokDitolak() {
        let kasus: [(Peran, String?, String?, String)] = [
            (.admin, "36.04.05", nil, "kode_wilayah"), (.admin, nil, "bpbd", "kode_opd"),
            (.verifikator, "36.04.05", nil, "kode_wilayah"),
            (.operatorKecamatan, nil, nil, "kode_wilayah"), (.operatorKecamatan, "36.04.05.2001", nil, "kode_wilayah"),
            (.operatorKecamatan, "36.04.05", "bpbd", "kode_opd"), (.operatorKecamatan, "bukan-kode", nil, "kode_wilayah"),
            (.operatorDesa, "36.04.05", nil, "kode_wilayah"), (.operatorDesa, nil, nil, "kode_wilayah"),
            (.pengurusKim, "36.04.05.2001", nil, "kim"),
            (.opd, nil, nil, "kode_opd"), (.opd, "36.04.05", "bpbd", "kode_wilayah"),
        ]
        for (peran, w, o, bidang) in kasus {
            XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try Penugasan.buat(peran: peran, kodeWilayah: w, kodeOPD: o) },
                           [bidang], "\(peran) \(w ?? "-") \(o ?? "-")")
        }
    }

    func testUsername() throws {
        XCTAssertEqual(try AturanAkun.username("  Op.Kramatwatu_1 "), "op.kramatwatu_1")
        for salah in ["", "ab", String(repeating: "a", count: 33), "nama pengguna", ".awal", "-awal", "émile", "a/b", "a'b"] {
            XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanAkun.username(salah) }, ["username"], salah)
        }
    }

    func testKataSandi() {
        XCTAssertEqual(galat { () throws(KesalahanIsian) in try AturanAkun.kataSandi("123456789") }, ["kata_sandi"])
        XCTAssertEqual(galat { () throws(KesalahanIsian) in try AturanAkun.kataSandi("1234567890") }, [])
        XCTAssertEqual(galat { () throws(KesalahanIsian) in try AturanAkun.kataSandi(String(repeating: "a", count: 72)) }, [])
        XCTAssertEqual(galat { () throws(KesalahanIsian) in try AturanAkun.kataSandi(String(repeating: "a", count: 73)) }, ["kata_sandi"])
        // 25 three-byte characters: 25 characters but 75 bytes, over bcrypt's limit.
        XCTAssertEqual(galat { () throws(KesalahanIsian) in try AturanAkun.kataSandi(String(repeating: "ꦱ", count: 25)) }, ["kata_sandi"])
    }

    func testNama() throws {
        XCTAssertEqual(try AturanAkun.nama("  Siti Aminah \n"), "Siti Aminah")
        XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanAkun.nama("   ") }, ["nama"])
        XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanAkun.nama(String(repeating: "a", count: 101)) }, ["nama"])
        XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanAkun.nama("Siti\u{0}Aminah") }, ["nama"])
    }

    func testAkunBaruMengumpulkanSemuaKesalahan() {
        let bidang = galat { () throws(KesalahanIsian) in
            _ = try AturanAkun.akunBaru(username: "x", nama: "", kataSandi: "pendek", peran: "raja", kodeWilayah: nil, kodeOPD: nil)
        }
        XCTAssertEqual(bidang, ["username", "nama", "kata_sandi", "peran"])
    }

    func testKodeDanNamaOPD() throws {
        XCTAssertEqual(try AturanOPD.kode(" Dishub "), "dishub")
        for salah in ["d", "-x", "dinas sosial", String(repeating: "a", count: 33), "dinas_sosial"] {
            XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanOPD.kode(salah) }, ["kode"], salah)
        }
        XCTAssertEqual(galat { () throws(KesalahanIsian) in _ = try AturanOPD.nama("x") }, ["nama"])
        XCTAssertEqual(Set(AturanOPD.awal.map(\.kode)).count, AturanOPD.awal.count)
        XCTAssertTrue(AturanOPD.awal.count >= 11)
    }
}
