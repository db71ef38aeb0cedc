import Foundation
import XCTest
@testable import SIKIMCore

/// The permission matrix of DOMAIN.md, written out role by role, checked for every action
/// against objects in the actor's own area and in another area.
final class KebijakanTests: XCTestCase {
    let kecA = KodeWilayah("36.04.05")!, desaA = KodeWilayah("36.04.05.2001")!, desaA2 = KodeWilayah("36.04.05.2002")!
    let kecB = KodeWilayah("36.04.06")!, desaB = KodeWilayah("36.04.06.2001")!

    func aktor(_ p: Penugasan) -> Aktor { Aktor(id: UUID(), penugasan: p) }

    var semuaAktor: [(String, Aktor?)] {
        [("publik", nil), ("admin", aktor(.admin)), ("verifikator", aktor(.verifikator)),
         ("operator_kecamatan", aktor(.operatorKecamatan(kecA))), ("operator_desa", aktor(.operatorDesa(desaA))),
         ("pengurus_kim", aktor(.pengurusKim(kim: UUID(), wilayah: desaA))), ("opd", aktor(.opd(kode: "dpmptsp")))]
    }

    func testTindakanTanpaObjek() {
        // publik, admin, verifikator, op. kecamatan, op. desa, pengurus, opd
        let harap: [(Tindakan, [Bool])] = [
            (.lihatWilayah, [true, true, true, true, true, true, true]),
            (.lihatOPD, [true, true, true, true, true, true, true]),
            (.kelolaOPD, [false, true, false, false, false, false, false]),
            (.lihatDaftarPengguna, [false, true, true, true, true, false, false]),
            (.kelolaPengguna, [false, true, false, false, false, false, false]),
            (.kelolaToken, [false, true, false, false, false, false, false]),
            (.lihatAudit, [false, true, true, false, false, false, false]),
            (.lihatPengaturan, [false, true, true, false, false, false, false]),
            (.ubahPengaturan, [false, true, false, false, false, false, false]),
            (.lihatDirektoriKim, [true, true, true, true, true, true, true]),
            (.lihatDaftarKim, [false, true, true, true, true, true, false]),
            (.lihatDasborPembentukan, [false, true, true, true, true, false, false]),
            (.imporKim, [false, true, false, false, false, false, false]),
            (.bentukKim, [false, true, false, true, true, false, false]),
            (.kirimLaporan, [false, true, false, false, false, true, false]),
            (.lihatDaftarLaporan, [false, true, true, true, true, true, true]),
            (.kelolaPengaturan, [false, true, false, false, false, false, false]),
        ]
        for (tindakan, baris) in harap {
            for ((nama, a), boleh) in zip(semuaAktor, baris) {
                XCTAssertEqual(Kebijakan.boleh(a, tindakan), boleh, "\(nama) \(tindakan)")
            }
        }
    }

    /// Which users each role may read, in its own area and in another one.
    func testMelihatPenggunaMenurutWilayahDanPeran() {
        let sasaran: [(String, Penugasan)] = [
            ("admin", .admin), ("verifikator", .verifikator),
            ("opkec sendiri", .operatorKecamatan(kecA)), ("opkec lain", .operatorKecamatan(kecB)),
            ("opdesa sendiri", .operatorDesa(desaA)), ("opdesa tetangga", .operatorDesa(desaA2)), ("opdesa lain", .operatorDesa(desaB)),
            ("pengurus sendiri", .pengurusKim(kim: UUID(), wilayah: desaA)), ("pengurus tetangga", .pengurusKim(kim: UUID(), wilayah: desaA2)),
            ("pengurus lain", .pengurusKim(kim: UUID(), wilayah: desaB)), ("opd", .opd(kode: "dpmptsp")),
        ]
        let harap: [String: [Bool]] = [
            "publik":             [false, false, false, false, false, false, false, false, false, false, false],
            "admin":              [true, true, true, true, true, true, true, true, true, true, true],
            "verifikator":        [true, true, true, true, true, true, true, true, true, true, true],
            "operator_kecamatan": [false, false, false, false, true, true, false, true, true, false, false],
            "operator_desa":      [false, false, false, false, false, false, false, true, false, false, false],
            "pengurus_kim":       [false, false, false, false, false, false, false, false, false, false, false],
            "opd":                [false, false, false, false, false, false, false, false, false, false, false],
        ]
        for (nama, a) in semuaAktor {
            for ((label, p), boleh) in zip(sasaran, harap[nama]!) {
                XCTAssertEqual(Kebijakan.boleh(a, .lihatPengguna(p)), boleh, "\(nama) melihat \(label)")
                XCTAssertEqual(Kebijakan.cakupanPengguna(a).cocok(p), boleh, "cakupan \(nama) / \(label)")
            }
        }
    }

    /// Reading and changing KIMs: a desa KIM in the actor's area, a neighbouring desa's KIM, the
    /// kecamatan's own KIM, and KIMs of another kecamatan.
    func testMembacaDanMengubahKim() {
        let kimSendiri = UUID()
        let sasaran: [(String, KodeWilayah, UUID)] = [
            ("kim desa A", desaA, kimSendiri), ("kim desa A2", desaA2, UUID()), ("kim kec A", kecA, UUID()),
            ("kim desa B", desaB, UUID()), ("kim kec B", kecB, UUID()),
        ]
        let pelaku: [(String, Aktor?)] = semuaAktor.map { nama, a in
            nama == "pengurus_kim" ? (nama, aktor(.pengurusKim(kim: kimSendiri, wilayah: desaA))) : (nama, a)
        }
        let lihat: [String: [Bool]] = [
            "publik": [false, false, false, false, false], "admin": [true, true, true, true, true],
            "verifikator": [true, true, true, true, true], "operator_kecamatan": [true, true, true, false, false],
            "operator_desa": [true, false, false, false, false], "pengurus_kim": [true, false, false, false, false],
            "opd": [false, false, false, false, false],
        ]
        let ubah: [String: [Bool]] = [
            "publik": [false, false, false, false, false], "admin": [true, true, true, true, true],
            "verifikator": [false, false, false, false, false], "operator_kecamatan": [true, true, true, false, false],
            "operator_desa": [true, false, false, false, false], "pengurus_kim": [false, false, false, false, false],
            "opd": [false, false, false, false, false],
        ]
        for (nama, a) in pelaku {
            for (i, (label, w, id)) in sasaran.enumerated() {
                XCTAssertEqual(Kebijakan.boleh(a, .lihatKim(wilayah: w, kim: id)), lihat[nama]![i], "\(nama) lihat \(label)")
                XCTAssertEqual(Kebijakan.boleh(a, .ubahKim(wilayah: w, kim: id)), ubah[nama]![i], "\(nama) ubah \(label)")
                let kontak = ubah[nama]![i] || (nama == "pengurus_kim" && id == kimSendiri)
                XCTAssertEqual(Kebijakan.boleh(a, .ubahBidangKim(wilayah: w, kim: id, bidang: ["email", "telepon"])), kontak,
                               "\(nama) kontak \(label)")
                XCTAssertEqual(Kebijakan.boleh(a, .ubahBidangKim(wilayah: w, kim: id, bidang: ["email", "nama"])), ubah[nama]![i],
                               "\(nama) nama \(label)")
            }
        }
    }

    func testCakupanSebagaiFilter() {
        XCTAssertEqual(Kebijakan.cakupanPengguna(aktor(.operatorDesa(desaA))), .wilayah(desaA, peran: [.pengurusKim]))
        XCTAssertEqual(Kebijakan.cakupanPengguna(aktor(.operatorKecamatan(kecA))), .wilayah(kecA, peran: [.operatorDesa, .pengurusKim]))
        XCTAssertEqual(Kebijakan.cakupanPengguna(nil), .tidakAda)
        XCTAssertEqual(Kebijakan.cakupanPengguna(aktor(.opd(kode: "bpbd"))), .tidakAda)
    }
}
