import SIKIMData
import Fluent
import Vapor
import SIKIMCore

struct LayananOPD {
    let db: any Database
    let jam: Jam

    func buat(kode: String, nama: String) async throws -> OPDModel {
        var kesalahan = KesalahanIsian()
        var k: String?, n: String?
        do { k = try AturanOPD.kode(kode) } catch { error.butir.forEach { kesalahan.tambah($0.bidang, $0.pesan) } }
        do { n = try AturanOPD.nama(nama) } catch { error.butir.forEach { kesalahan.tambah($0.bidang, $0.pesan) } }
        guard let k, let n else { throw kesalahan }
        guard try await OPDModel.find(k, on: db) == nil else { throw KesalahanIsian("kode", "Kode OPD \(k) sudah dipakai.") }
        let m = OPDModel(kode: k, nama: n, pada: jam.sekarang())
        try await m.create(on: db)
        return m
    }

    func ubah(_ m: OPDModel, nama: String?, aktif: Bool?) async throws {
        if let nama { m.nama = try AturanOPD.nama(nama) }
        if let aktif { m.aktif = aktif }
        m.diubahPada = jam.sekarang()
        try await m.update(on: db)
    }
}

extension Request {
    var layananOPD: LayananOPD { LayananOPD(db: db, jam: application.jam) }
}
