import Foundation
import SIKIMCore
import SIKIMData

/// The agencies (OPD): readable by everyone, managed by the admin.
struct LayananOPD {
    let l: Lingkungan
    private var data: RepositoriOPD { RepositoriOPD(db: l.db) }

    /// The admin sees deactivated agencies too; everyone else the active ones.
    func daftar(untuk aktor: Aktor?) async throws -> [OPDModel] {
        try await data.semua(hanyaAktif: !Kebijakan.boleh(aktor, .kelolaOPD))
    }

    /// Names by code, of all agencies (deactivated ones still name old forwards).
    func nama() async throws -> [String: String] { try await data.nama() }

    /// The agencies a laporan may be forwarded to.
    func aktif() async throws -> [OPDModel] { try await data.semua(hanyaAktif: true) }

    func halaman(untuk aktor: Aktor?, _ p: Paginasi) async throws -> Potongan<OPDModel> {
        try await data.halaman(hanyaAktif: !Kebijakan.boleh(aktor, .kelolaOPD), p)
    }

    func buat(kode: String, nama: String, oleh aktor: Aktor?) async throws -> OPDModel {
        guard Kebijakan.boleh(aktor, .kelolaOPD) else { throw TindakanDilarang() }
        var kesalahan = KesalahanIsian()
        var k: String?, n: String?
        do { k = try AturanOPD.kode(kode) } catch { error.butir.forEach { kesalahan.tambah($0.bidang, $0.pesan) } }
        do { n = try AturanOPD.nama(nama) } catch { error.butir.forEach { kesalahan.tambah($0.bidang, $0.pesan) } }
        guard let k, let n else { throw kesalahan }
        guard try await data.cari(k) == nil else { throw KesalahanIsian("kode", "Kode OPD \(k) sudah dipakai.") }
        let m = OPDModel(kode: k, nama: n, pada: l.sekarang)
        try await data.simpan(m)
        return m
    }

    func ubah(_ kode: String, nama: String?, aktif: Bool?, oleh aktor: Aktor?) async throws -> OPDModel {
        guard Kebijakan.boleh(aktor, .kelolaOPD) else { throw TindakanDilarang() }
        guard let m = try await data.cari(kode) else { throw TidakDitemukan("OPD \(kode.prefix(40))") }
        if let nama { m.nama = try AturanOPD.nama(nama) }
        if let aktif { m.aktif = aktif }
        m.diubahPada = l.sekarang
        try await data.simpan(m)
        return m
    }
}
