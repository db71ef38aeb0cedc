import Foundation
import XCTest
@testable import SIKIMCore

/// Issue 20: the promises a laporan's previews carry, and who may send the full photos.
final class FotoMenyusulTests: XCTestCase {
    let sha = String(repeating: "ab", count: 32)

    func testJanjiDibacaPerPosisiFoto() throws {
        XCTAssertEqual(try FotoMenyusul.janji(["1:\(sha)", "0:\(sha.replacingOccurrences(of: "a", with: "0"))"], jumlahFoto: 2),
                       [1: sha, 0: sha.replacingOccurrences(of: "a", with: "0")])
        XCTAssertEqual(try FotoMenyusul.janji([], jumlahFoto: 3), [:])
    }

    func testJanjiYangTidakSahDitolakDenganBidangnya() {
        for salah in ["2:\(sha)", "-1:\(sha)", "0:\(sha.uppercased())", "0:\(sha.dropLast())", "0", "x:\(sha)", "0:\(sha.dropLast())g"] {
            XCTAssertThrowsError(try FotoMenyusul.janji([salah], jumlahFoto: 2), salah) { e in
                XCTAssertEqual((e as? KesalahanIsian)?.butir.first?.bidang, "foto_menyusul", salah)
            }
        }
        // one promise per photo
        XCTAssertThrowsError(try FotoMenyusul.janji(["0:\(sha)", "0:\(sha)"], jumlahFoto: 1))
    }

    func testHanyaPelaporYangMelengkapiFoto() {
        let pelapor = UUID()
        let sasaran = SasaranLaporan(wilayah: KodeWilayah("36.04.05.2001")!, kim: UUID(), pelapor: pelapor, opd: [], dipublikasikan: true)
        let pengurus = Penugasan.pengurusKim(kim: sasaran.kim!, wilayah: sasaran.wilayah)
        XCTAssertTrue(Kebijakan.boleh(Aktor(id: pelapor, penugasan: pengurus), .lengkapiFotoLaporan(sasaran)))
        for lain in [Aktor(id: UUID(), penugasan: pengurus), Aktor(id: UUID(), penugasan: .admin), Aktor(id: UUID(), penugasan: .verifikator)] {
            XCTAssertFalse(Kebijakan.boleh(lain, .lengkapiFotoLaporan(sasaran)), "\(lain.penugasan)")
        }
        XCTAssertFalse(Kebijakan.boleh(nil, .lengkapiFotoLaporan(sasaran)))
    }
}
