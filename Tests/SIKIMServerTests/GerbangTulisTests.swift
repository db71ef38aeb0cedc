import SIKIMData
import Fluent
import NIOConcurrencyHelpers
import XCTest
import XCTVapor
@testable import SIKIMServer

/// The write gate on a real database: one writer at a time, waiting submissions committed
/// together, and one failing submission failing only itself.
final class GerbangTulisTests: XCTestCase {
    struct Gagal: Error {}

    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    /// Fifty writers at once pass one at a time, and a failing writer frees the gate.
    func testSatuPerSatuDanTerbukaLagiSetelahGagal() async throws {
        // setup
        let gerbang = GerbangTulis(aktif: true), db = app.db
        let hitung = NIOLockedValueBox((dalam: 0, maks: 0, selesai: 0))

        // act
        try await withThrowingTaskGroup(of: Void.self) { grup in
            for i in 0..<50 {
                grup.addTask {
                    do {
                        try await gerbang.transaksi(db) { _ in
                            hitung.withLockedValue { $0.dalam += 1; $0.maks = max($0.maks, $0.dalam) }
                            try await Task.sleep(nanoseconds: 200_000)
                            hitung.withLockedValue { $0.dalam -= 1; $0.selesai += 1 }
                            if i % 10 == 0 { throw Gagal() }
                        }
                    } catch is Gagal {}
                }
            }
            try await grup.waitForAll()
        }
        let setelah = try await gerbang.transaksi(db) { _ in 1 }

        // check
        XCTAssertEqual(hitung.withLockedValue { $0.maks }, 1)
        XCTAssertEqual(hitung.withLockedValue { $0.selesai }, 50)
        XCTAssertEqual(setelah, 1)
    }

    /// A writer holds the gate while nineteen submissions queue; they are then written in one
    /// transaction, or (`duplikat`: one of them breaks a unique key) each alone, so only the
    /// bad one fails.
    private func antreLaluLepas(duplikat: Bool) async throws -> (gagal: Int, transaksi: Int, baris: Int) {
        let gerbang = GerbangTulis(aktif: true), db = app.db
        let (lepas, pelepas) = AsyncStream<Void>.makeStream()
        let penahan = Task { try await gerbang.transaksi(db) { _ in for await _ in lepas { break } } }
        while await gerbang.jumlahTransaksi == 0 { await Task.yield() }
        let gagal = NIOLockedValueBox(0)
        let kiriman = Task {
            try await withThrowingTaskGroup(of: Void.self) { grup in
                for i in 1...19 {
                    grup.addTask {
                        do {
                            try await gerbang.transaksi(db, kelompok: true) { db in
                                try await PengaturanModel(kunci: "uji-\(duplikat && i == 7 ? 3 : i)", nilai: "\(i)").create(on: db)
                            }
                        } catch let e as any DatabaseError where e.isConstraintFailure {
                            gagal.withLockedValue { $0 += 1 }
                        }
                    }
                }
                try await grup.waitForAll()
            }
        }
        while await gerbang.jumlahAntre < 19 { await Task.yield() }
        pelepas.yield()
        try await penahan.value
        try await kiriman.value
        let baris = try await PengaturanModel.query(on: db).filter(\.$id =~ "uji-").count()
        return (gagal.withLockedValue { $0 }, await gerbang.jumlahTransaksi, baris)
    }

    func testAntreanDitulisDalamSatuTransaksi() async throws {
        // act
        let (gagal, transaksi, baris) = try await antreLaluLepas(duplikat: false)

        // check: the holder's transaction and one for all nineteen
        XCTAssertEqual(gagal, 0)
        XCTAssertEqual(transaksi, 2)
        XCTAssertEqual(baris, 19)
    }

    func testSatuGagalTidakMenggagalkanYangLain() async throws {
        // act
        let (gagal, transaksi, baris) = try await antreLaluLepas(duplikat: true)

        // check: the group failed as a whole, then each ran alone; only the duplicate failed
        XCTAssertEqual(gagal, 1)
        XCTAssertEqual(transaksi, 2 + 19)
        XCTAssertEqual(baris, 18)
    }
}
