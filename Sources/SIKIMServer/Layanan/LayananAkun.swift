import SIKIMData
import Fluent
import Foundation
import SIKIMCore

/// Account operations shared by the web pages, the API and the commands.
struct LayananAkun {
    let db: any Database
    let penyandi: Penyandi
    let jam: Jam

    /// Creates an account after the core's field rules and the existence checks that need
    /// the database (username free, region and OPD known).
    func buat(username: String, nama: String, kataSandi: String, peran: String,
              kodeWilayah: String?, kodeOPD: String?, kimID: UUID? = nil) async throws -> PenggunaModel {
        let akun = try AturanAkun.akunBaru(username: username, nama: nama, kataSandi: kataSandi,
                                          peran: peran, kodeWilayah: kodeWilayah, kodeOPD: kodeOPD,
                                          kim: try await ikatanKim(kimID))
        if try await PenggunaModel.query(on: db).filter(\.$username == akun.username).count() > 0 {
            throw KesalahanIsian("username", "Nama pengguna \(akun.username) sudah dipakai.")
        }
        try await periksaIkatan(akun.penugasan)
        let m = PenggunaModel(akun: akun, hash: try await penyandi.hash(kataSandi), pada: jam.sekarang())
        try await m.create(on: db)
        return m
    }

    /// The KIM a pengurus account is bound to, with its region; a dissolved KIM takes no one.
    func ikatanKim(_ id: UUID?) async throws -> (id: UUID, wilayah: KodeWilayah)? {
        guard let id else { return nil }
        guard let kim = try await KimModel.find(id, on: db), kim.statusKim != .dibubarkan else {
            throw KesalahanIsian("kim", "KIM tidak ditemukan atau sudah dibubarkan.")
        }
        return (id, kim.wilayah)
    }

    func periksaIkatan(_ p: Penugasan) async throws {
        if let kode = p.kodeWilayah, try await WilayahModel.find(kode.nilai, on: db) == nil {
            throw KesalahanIsian("kode_wilayah", "Wilayah \(kode.nilai) tidak ada di Kabupaten Serang.")
        }
        if let kode = p.kodeOPD {
            guard let opd = try await OPDModel.find(kode, on: db), opd.aktif else {
                throw KesalahanIsian("kode_opd", "OPD \(kode) tidak dikenal atau tidak aktif.")
            }
        }
    }

    func ubah(_ m: PenggunaModel, nama: String?, penugasan: Penugasan?, aktif: Bool?) async throws {
        if let nama { m.nama = try AturanAkun.nama(nama) }
        if let penugasan {
            if penugasan.peran != .admin, m.peran == Peran.admin.rawValue, m.aktif, try await jumlahAdminAktif() <= 1 {
                throw KesalahanIsian("peran", "Peran admin aktif terakhir tidak dapat diubah.")
            }
            try await periksaIkatan(penugasan)
            m.tetapkan(penugasan)
        }
        if let aktif {
            if !aktif, m.peran == Peran.admin.rawValue, m.aktif, try await jumlahAdminAktif() <= 1 {
                throw KesalahanIsian("aktif", "Admin aktif terakhir tidak dapat dinonaktifkan.")
            }
            // Reactivating a board member's account needs its KIM not to be dissolved.
            if aktif, !m.aktif, m.kimID != nil { _ = try await ikatanKim(m.kimID) }
            m.aktif = aktif
            if !aktif { try await LayananToken(db: db, jam: jam).akhiriSemuaAkses(m) }
        }
        try await m.update(on: db)
    }

    func setelKataSandi(_ m: PenggunaModel, _ kataSandi: String) async throws {
        try AturanAkun.kataSandi(kataSandi)
        m.hashKataSandi = try await penyandi.hash(kataSandi)
        try await m.update(on: db)
        try await LayananToken(db: db, jam: jam).akhiriSemuaAkses(m)
    }

    func jumlahAdminAktif() async throws -> Int {
        try await PenggunaModel.query(on: db).filter(\.$peran == Peran.admin.rawValue).filter(\.$aktif == true).count()
    }

    /// On first run: when no admin exists, create `admin` with the configured password or a
    /// random one. Returns the password only when it was generated (to print it once).
    func pastikanAdmin(kataSandi: String?) async throws -> String? {
        guard try await PenggunaModel.query(on: db).filter(\.$peran == Peran.admin.rawValue).count() == 0 else { return nil }
        let dibuat = kataSandi == nil
        let sandi = kataSandi ?? Acak.rahasia(byte: 12)
        _ = try await buat(username: "admin", nama: "Administrator Kabupaten", kataSandi: sandi,
                           peran: Peran.admin.rawValue, kodeWilayah: nil, kodeOPD: nil)
        return dibuat ? sandi : nil
    }
}
