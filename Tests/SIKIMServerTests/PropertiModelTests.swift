import Fluent
import XCTest
@testable import SIKIMServer

/// Models that list their properties by hand must list exactly what reflection finds, in order:
/// a property left out would silently never be read or written.
final class PropertiModelTests: XCTestCase {
    func testDaftarPropertiSamaDenganRefleksi() {
        let model: [any Fields.Type] = [LaporanModel.self, LaporanOPDModel.self, FotoLaporanModel.self, PeristiwaLaporanModel.self,
                                        KimModel.self, TransisiKimModel.self, PengurusModel.self, PenggunaModel.self,
                                        TokenAPIModel.self, SesiModel.self]
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
