import SIKIMData
import Fluent
import XCTest
@testable import SIKIMServer

/// Models that list their properties by hand must list exactly what reflection finds, in order:
/// a property left out would silently never be read or written.
final class PropertiModelTests: XCTestCase {
    func testDaftarPropertiSamaDenganRefleksi() {
        // Every model: the one left to reflection cost a query its Mirror walk each time.
        let model: [any Fields.Type] = [
            NotifikasiModel.self, KirimanWebhookModel.self, PenandaModel.self, RiwayatAktivitasModel.self, KegiatanModel.self,
            FotoKegiatanModel.self, PembinaanModel.self, PengaturanModel.self, KimModel.self, PengurusModel.self, TransisiKimModel.self,
            DokumenKimModel.self, KategoriModel.self, LaporanModel.self, LaporanOPDModel.self, FotoLaporanModel.self,
            PeristiwaLaporanModel.self, LampiranLaporanModel.self, HariLiburModel.self, MateriModel.self, PenerimaMateriModel.self,
            BerkasMateriModel.self, OPDModel.self, PenggunaModel.self, PercobaanLoginModel.self, SesiModel.self, TokenAPIModel.self,
            WilayahModel.self,
        ]
        for jenis in model {
            // setup
            let m = jenis.init()
            // act
            let refleksi = Mirror(reflecting: m).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
            let tangan = m.properties.map { ObjectIdentifier($0 as AnyObject) }
            // check
            XCTAssertFalse(refleksi.isEmpty, "\(jenis)")
            XCTAssertEqual(tangan, refleksi, "\(jenis): daftar properti berbeda dari hasil refleksi")
        }
    }
}
