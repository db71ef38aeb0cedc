import Foundation
import SIKIMCore
import SIKIMData

/// Accounts: the scoped lists, creating and changing them, passwords, the first admin.
struct LayananAkun {
    let l: Lingkungan
    private var data: RepositoriPengguna { RepositoriPengguna(db: l.db) }

    /// The account a browser session belongs to.
    func masukSesi(_ id: UUID) async throws -> PenggunaModel? { try await data.cari(id) }

    func cari(username: String) async throws -> PenggunaModel? { try await data.cari(username: username) }

    /// An account the actor may see; anyone outside the actor's scope does not exist for them.
    func cari(_ id: UUID, untuk aktor: Aktor?) async throws -> PenggunaModel {
        guard let m = try await data.cari(id), let p = try? m.penugasan(), Kebijakan.boleh(aktor, .lihatPengguna(p)) else {
            throw TidakDitemukan("Pengguna")
        }
        return m
    }

    /// The accounts the actor's scope shows, by username.
    func halaman(untuk aktor: Aktor?, peran: Peran?, _ p: Paginasi) async throws -> Potongan<PenggunaModel> {
        let cakupan = Kebijakan.cakupanPengguna(aktor)
        guard cakupan != .tidakAda else { throw TindakanDilarang() }
        return try await data.halaman(cakupan, peran: peran, p)
    }

    /// Display names of the regions and OPD that accounts are bound to.
    func namaIkatan(_ daftar: [PenggunaModel]) async throws -> [String: String] {
        let kodeW = Array(Set(daftar.compactMap(\.kodeWilayah))), kodeO = Set(daftar.compactMap(\.kodeOPD))
        var nama: [String: String] = [:]
        for w in kodeW.compactMap(KodeWilayah.init) {
            if let x = try await RepositoriWilayah(db: l.db).cari(w) { nama[w.nilai] = x.namaLengkap }
        }
        if !kodeO.isEmpty {
            for (k, n) in try await RepositoriOPD(db: l.db).nama() where kodeO.contains(k) { nama[k] = n }
        }
        return nama
    }

    /// What an account can be bound to: kecamatan and desa, active OPD, KIMs not dissolved.
    func pilihanIkatan() async throws -> (wilayah: [Wilayah], opd: [OPDModel], kim: [KimModel]) {
        (try await RepositoriWilayah(db: l.db).bawahKabupaten(), try await RepositoriOPD(db: l.db).semua(hanyaAktif: true),
         try await RepositoriKim(db: l.db).belumDibubarkan())
    }

    /// Creates an account after the core's field rules and the existence checks that need
    /// the database (username free, region and OPD known).
    func buat(username: String, nama: String, kataSandi: String, peran: String,
              kodeWilayah: String?, kodeOPD: String?, kimID: UUID? = nil) async throws -> PenggunaModel {
        let akun = try AturanAkun.akunBaru(username: username, nama: nama, kataSandi: kataSandi,
                                          peran: peran, kodeWilayah: kodeWilayah, kodeOPD: kodeOPD,
                                          kim: try await ikatanKim(kimID))
        if try await data.cari(username: akun.username) != nil {
            throw KesalahanIsian("username", "Nama pengguna \(akun.username) sudah dipakai.")
        }
        try await periksaIkatan(akun.penugasan)
        let m = PenggunaModel(akun: akun, hash: try await l.penyandi.hash(kataSandi), pada: l.sekarang)
        try await data.simpan(m)
        return m
    }

    /// The KIM a pengurus account is bound to, with its region; a dissolved KIM takes no one.
    func ikatanKim(_ id: UUID?) async throws -> (id: UUID, wilayah: KodeWilayah)? {
        guard let id else { return nil }
        guard let kim = try await RepositoriKim(db: l.db).cari(id), kim.statusKim != .dibubarkan else {
            throw KesalahanIsian("kim", "KIM tidak ditemukan atau sudah dibubarkan.")
        }
        return (id, kim.wilayah)
    }

    func periksaIkatan(_ p: Penugasan) async throws {
        if let kode = p.kodeWilayah, try await !RepositoriWilayah(db: l.db).ada(kode) {
            throw KesalahanIsian("kode_wilayah", "Wilayah \(kode.nilai) tidak ada di \(l.konfigurasi.daerah.nama).")
        }
        if let kode = p.kodeOPD {
            guard let opd = try await RepositoriOPD(db: l.db).cari(kode), opd.aktif else {
                throw KesalahanIsian("kode_opd", "OPD \(kode) tidak dikenal atau tidak aktif.")
            }
        }
    }

    /// A new assignment from a change request; nil when nothing about it changes. Without a
    /// new role, the binding fields change within the stored role. A pengurus KIM's region
    /// always comes from its KIM.
    func penugasan(peran: String?, kodeWilayah: String?, kodeOPD: String?, kimID: UUID?, lama: PenggunaModel?) async throws -> Penugasan? {
        guard peran != nil || kodeWilayah != nil || kodeOPD != nil || kimID != nil else { return nil }
        let teks = peran ?? lama?.peran ?? ""
        guard let p = Peran(rawValue: teks) else { throw KesalahanIsian("peran", "Peran \"\(teks.prefix(40))\" tidak dikenal.") }
        let tetap = peran == nil ? lama : nil
        let kim = try await ikatanKim(kimID ?? tetap?.kimID)
        return try Penugasan.buat(peran: p, kodeWilayah: p == .pengurusKim ? nil : kodeWilayah ?? tetap?.kodeWilayah,
                                  kodeOPD: kodeOPD ?? tetap?.kodeOPD, kim: kim)
    }

    func ubah(_ m: PenggunaModel, nama: String?, penugasan: Penugasan?, aktif: Bool?) async throws {
        if let nama { m.nama = try AturanAkun.nama(nama) }
        if let penugasan {
            if penugasan.peran != .admin, m.peran == Peran.admin.rawValue, m.aktif, try await data.jumlahAdminAktif() <= 1 {
                throw KesalahanIsian("peran", "Peran admin aktif terakhir tidak dapat diubah.")
            }
            try await periksaIkatan(penugasan)
            m.tetapkan(penugasan)
        }
        if let aktif {
            if !aktif, m.peran == Peran.admin.rawValue, m.aktif, try await data.jumlahAdminAktif() <= 1 {
                throw KesalahanIsian("aktif", "Admin aktif terakhir tidak dapat dinonaktifkan.")
            }
            // Reactivating a board member's account needs its KIM not to be dissolved.
            if aktif, !m.aktif, m.kimID != nil { _ = try await ikatanKim(m.kimID) }
            m.aktif = aktif
            if !aktif { try await LayananToken(l: l).akhiriSemuaAkses(m) }
        }
        try await data.simpan(m)
    }

    /// A user changing their own password: the current one first (throttled like a login),
    /// the new one twice. Every session and token ends with it, this one included.
    func gantiKataSandiSendiri(_ m: PenggunaModel, lama: String, baru: String, ulangi: String, alamatIP: String) async throws {
        guard try await LayananMasuk(l: l).cocokkanKataSandi(lama, akun: m, alamatIP: alamatIP) else {
            throw KesalahanIsian("kata_sandi_lama", "Kata sandi lama salah.")
        }
        guard baru == ulangi else { throw KesalahanIsian("ulangi", "Ulangan kata sandi baru tidak sama.") }
        do { try await setelKataSandi(m, baru) } catch let e as KesalahanIsian { throw KesalahanIsian("kata_sandi_baru", e.pesan) }
    }

    func setelKataSandi(_ m: PenggunaModel, _ kataSandi: String) async throws {
        try AturanAkun.kataSandi(kataSandi)
        m.hashKataSandi = try await l.penyandi.hash(kataSandi)
        try await data.simpan(m)
        try await LayananToken(l: l).akhiriSemuaAkses(m)
    }

    /// On first run: when no admin exists, create `admin` with the configured password or a
    /// random one. Returns the password only when it was generated (to print it once).
    func pastikanAdmin(kataSandi: String?) async throws -> String? {
        guard try await !data.adaAdmin() else { return nil }
        let sandi = kataSandi ?? Acak.rahasia(byte: 12)
        _ = try await buat(username: "admin", nama: "Administrator Kabupaten", kataSandi: sandi,
                           peran: Peran.admin.rawValue, kodeWilayah: nil, kodeOPD: nil)
        return kataSandi == nil ? sandi : nil
    }
}
