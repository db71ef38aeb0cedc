import Foundation
import SIKIMCore
import SIKIMData

/// Raw board-member fields as submitted by a form, the API or an import row.
struct IsianPengurus: Codable, Sendable {
    var nama: String?
    var jabatan: String?
    var keterangan: String?
    var jenisKelamin: String?
    var nomorHp: String?
    var email: String?
    var tahunLahir: String?
    var masaBaktiMulai: String?
    var masaBaktiSelesai: String?

    enum CodingKeys: String, CodingKey {
        case nama, jabatan, keterangan, email
        case jenisKelamin = "jenis_kelamin", nomorHp = "nomor_hp", tahunLahir = "tahun_lahir"
        case masaBaktiMulai = "masa_bakti_mulai", masaBaktiSelesai = "masa_bakti_selesai"
    }

    init(nama: String? = nil, jabatan: String? = nil, keterangan: String? = nil, jenisKelamin: String? = nil,
         nomorHp: String? = nil, email: String? = nil, tahunLahir: String? = nil) {
        (self.nama, self.jabatan, self.keterangan, self.jenisKelamin) = (nama, jabatan, keterangan, jenisKelamin)
        (self.nomorHp, self.email, self.tahunLahir) = (nomorHp, email, tahunLahir)
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nama = try c.decodeIfPresent(String.self, forKey: .nama)
        jabatan = try c.decodeIfPresent(String.self, forKey: .jabatan)
        keterangan = try c.decodeIfPresent(String.self, forKey: .keterangan)
        jenisKelamin = try c.decodeIfPresent(String.self, forKey: .jenisKelamin)
        nomorHp = try c.decodeIfPresent(String.self, forKey: .nomorHp)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        tahunLahir = try c.teksAtauAngka(.tahunLahir)
        masaBaktiMulai = try c.decodeIfPresent(String.self, forKey: .masaBaktiMulai)
        masaBaktiSelesai = try c.decodeIfPresent(String.self, forKey: .masaBaktiSelesai)
    }

    func validasi(acuan: Tanggal) throws(KesalahanIsian) -> Pengurus {
        try AturanPengurus.pengurus(nama: nama ?? "", jabatan: jabatan ?? "", keterangan: keterangan,
                                    jenisKelamin: jenisKelamin ?? "", nomorHP: nomorHp ?? "", email: email,
                                    tahunLahir: tahunLahir ?? "", masaBaktiMulai: masaBaktiMulai,
                                    masaBaktiSelesai: masaBaktiSelesai, acuan: acuan)
    }
}

/// Raw KIM fields; `pengurus` only when a KIM is created with its board in one request.
struct IsianKim: Codable, Sendable {
    var nama: String?
    var tingkat: String?
    var kodeWilayah: String?
    var alamat: String?
    var email: String?
    var telepon: String?
    var tanggalPembentukan: String?
    var tempatPembentukan: String?
    var jumlahHadir: String?
    var fokus: [String]?
    var pengurus: [IsianPengurus]?
    /// For a change: the version the client decided from; optional.
    var versi: Int?

    enum CodingKeys: String, CodingKey {
        case nama, tingkat, alamat, email, telepon, fokus, pengurus, versi
        case kodeWilayah = "kode_wilayah", tanggalPembentukan = "tanggal_pembentukan"
        case tempatPembentukan = "tempat_pembentukan", jumlahHadir = "jumlah_hadir"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nama = try c.decodeIfPresent(String.self, forKey: .nama)
        tingkat = try c.decodeIfPresent(String.self, forKey: .tingkat)
        kodeWilayah = try c.decodeIfPresent(String.self, forKey: .kodeWilayah)
        alamat = try c.decodeIfPresent(String.self, forKey: .alamat)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        telepon = try c.decodeIfPresent(String.self, forKey: .telepon)
        tanggalPembentukan = try c.decodeIfPresent(String.self, forKey: .tanggalPembentukan)
        tempatPembentukan = try c.decodeIfPresent(String.self, forKey: .tempatPembentukan)
        jumlahHadir = try c.teksAtauAngka(.jumlahHadir)
        // A form sends focus areas as one comma-separated field, JSON as a list.
        if let daftar = try? c.decodeIfPresent([String].self, forKey: .fokus) { fokus = daftar }
        else { fokus = try c.decodeIfPresent(String.self, forKey: .fokus).map { [$0] } }
        pengurus = try c.decodeIfPresent([IsianPengurus].self, forKey: .pengurus)
        versi = try c.teksAtauAngka(.versi).flatMap { Int($0) }
    }

    /// The names of the fields this change sets.
    var bidangDiisi: Set<String> {
        let isi: [(String, Bool)] = [("nama", nama != nil), ("alamat", alamat != nil), ("email", email != nil),
                                     ("telepon", telepon != nil), ("tanggal_pembentukan", tanggalPembentukan != nil),
                                     ("tempat_pembentukan", tempatPembentukan != nil), ("jumlah_hadir", jumlahHadir != nil),
                                     ("fokus", fokus != nil), ("pengurus", pengurus != nil)]
        return Set(isi.filter(\.1).map(\.0))
    }

    /// Merges a partial change (PATCH) over the stored KIM.
    func timpa(_ m: KimModel) -> IsianKim {
        var i = self
        i.nama = nama ?? m.nama
        i.alamat = alamat ?? m.alamat
        i.email = email ?? m.email
        i.telepon = telepon ?? m.telepon
        i.tanggalPembentukan = tanggalPembentukan ?? m.tanggalPembentukan
        i.tempatPembentukan = tempatPembentukan ?? m.tempatPembentukan
        i.jumlahHadir = jumlahHadir ?? m.jumlahHadir.map(String.init)
        i.fokus = fokus ?? m.fokus
        return i
    }

    func validasi(namaBawaan: String, hariIni: Tanggal) throws(KesalahanIsian) -> DataKim {
        let n = (nama ?? "").trimmingCharacters(in: .whitespaces)
        return try AturanKim.data(nama: n.isEmpty ? namaBawaan : n, alamat: alamat, email: email, telepon: telepon,
                                  tanggalPembentukan: tanggalPembentukan, tempatPembentukan: tempatPembentukan,
                                  jumlahHadir: jumlahHadir, fokus: fokus?.joined(separator: ","), hariIni: hariIni)
    }
}

extension KeyedDecodingContainer {
    /// A field that a form sends as text and JSON may send as a number.
    func teksAtauAngka(_ k: Key) throws -> String? {
        if let n = try? decodeIfPresent(Int.self, forKey: k) { return String(n) }
        return try decodeIfPresent(String.self, forKey: k)
    }
}

/// KIMs: who may see and change which, forming one, its data and board, its lifecycle, and
/// its documents. Every change is conditional on the KIM's version it was decided from.
struct LayananKim {
    let l: Lingkungan
    private var data: RepositoriKim { RepositoriKim(db: l.db) }

    // MARK: Reading

    /// A KIM the actor may do `boleh` on. One the actor may not even read does not exist for
    /// them (404); one they may read but not change this way is refused (403).
    func satu(_ id: UUID, untuk aktor: Aktor?, boleh: (KimModel) -> Tindakan) async throws -> KimModel {
        guard let m = try await data.cari(id), Kebijakan.boleh(aktor, .lihatKim(wilayah: m.wilayah, kim: m.id)) else {
            if aktor == nil { throw BelumMasuk() }
            throw TidakDitemukan("KIM")
        }
        guard Kebijakan.boleh(aktor, boleh(m)) else { throw TindakanDilarang() }
        return m
    }

    /// A KIM and what the viewer sees of it (`TampilanKim`): whole within their scope, as the
    /// public directory shows it otherwise; one that is not there for them does not exist.
    func terlihat(_ id: UUID?, untuk penonton: Aktor?) async throws -> (KimModel, TampilanKim) {
        guard let id, let m = try await data.cari(id), let t = Self.tampilan(m, untuk: penonton) else { throw TidakDitemukan("KIM") }
        return (m, t)
    }

    static func tampilan(_ m: KimModel, untuk penonton: Aktor?, cakupan: CakupanKim? = nil) -> TampilanKim? {
        TampilanKim.untuk(penonton, cakupan: cakupan, kim: m.id!, wilayah: m.wilayah, status: m.statusKim)
    }

    /// The KIMs an actor may list (without a scope: the public directory of active KIMs).
    func halaman(_ s: SaringanKim, _ p: Paginasi) async throws -> Potongan<KimModel> { try await data.halaman(s, p) }

    func semua(_ s: SaringanKim) async throws -> [KimModel] { try await data.semua(s) }

    func termasuk(_ id: UUID, _ s: SaringanKim) async throws -> Bool { try await data.termasuk(id, s) }

    /// The active KIMs by name (what materi can be sent to).
    func aktif() async throws -> [KimModel] { try await data.aktif() }

    func nama(_ id: [UUID]) async throws -> [UUID: String] { try await data.nama(id) }

    func pengurus(_ m: KimModel) async throws -> [PengurusModel] { try await data.pengurus(try m.requireID()) }

    func pengurus(_ kim: [KimModel]) async throws -> [UUID: [PengurusModel]] { try await data.pengurus(kim.compactMap(\.id)) }

    func cariPengurus(_ id: UUID, kim m: KimModel) async throws -> PengurusModel {
        guard let p = try await data.cariPengurus(id, kim: try m.requireID()) else { throw TidakDitemukan("Pengurus") }
        return p
    }

    func riwayat(_ m: KimModel, terbaruDulu: Bool = false) async throws -> [TransisiKimModel] {
        try await data.riwayat(try m.requireID(), terbaruDulu: terbaruDulu)
    }

    func dokumen(_ m: KimModel) async throws -> [DokumenKimModel] { try await data.dokumen(try m.requireID()) }

    func cariDokumen(_ id: UUID, kim m: KimModel) async throws -> DokumenKimModel {
        guard let d = try await data.cariDokumen(id, kim: try m.requireID()) else { throw TidakDitemukan("Dokumen") }
        return d
    }

    /// Board members whose term ends within the warning window, in the actor's scope.
    func masaBaktiBerakhir(_ cakupan: CakupanKim) async throws -> [(PengurusModel, kim: String)] {
        let kim = try await data.semua(SaringanKim(cakupan: cakupan, tanpaDibubarkan: true))
        let nama = Dictionary(uniqueKeysWithValues: kim.map { ($0.id!, $0.nama) })
        return try await data.masaBaktiBerakhir(kim.compactMap(\.id), dari: l.hariIni, sampai: l.hariIni.tambahHari(AturanPengurus.peringatanMasaBaktiHari))
            .filter { p in Tanggal(iso: p.masaBaktiSelesai).map { AturanPengurus.masaBaktiSegeraBerakhir($0, hariIni: l.hariIni) } ?? false }
            .map { ($0, nama[$0.$kim.id] ?? "") }
    }

    /// Regions where the actor may form a KIM and that have none yet.
    func wilayahTersedia(untuk aktor: Aktor?) async throws -> [Wilayah] {
        let terisi = try await data.wilayahTerisi()
        return try await RepositoriWilayah(db: l.db).bawahKabupaten()
            .filter { !terisi.contains($0.kode.nilai) && Kebijakan.boleh(aktor, .ubahKim(wilayah: $0.kode, kim: nil)) }
    }

    // MARK: Forming and changing

    /// Creates a KIM in a region the actor may manage, optionally with its board.
    func buat(_ isian: IsianKim, oleh aktor: Aktor?) async throws -> KimModel {
        // The form derives the level from the region: without one, the region is what is missing.
        guard !(isian.kodeWilayah ?? "").isEmpty else {
            throw KesalahanIsian("kode_wilayah", "Pilih desa atau kecamatan untuk KIM ini.")
        }
        guard let t = isian.tingkat, let tingkat = TingkatKim(rawValue: t) else {
            throw KesalahanIsian("tingkat", "Tingkat KIM harus desa atau kecamatan.")
        }
        let teks = isian.kodeWilayah ?? ""
        guard let kode = KodeWilayah(teks), kode.tingkat == tingkat.tingkatWilayah, let w = try await RepositoriWilayah(db: l.db).cari(kode) else {
            throw KesalahanIsian("kode_wilayah", "Pilih \(tingkat.tingkatWilayah.label.lowercased()) di \(l.konfigurasi.daerah.nama) untuk KIM tingkat \(tingkat.rawValue).")
        }
        guard Kebijakan.boleh(aktor, .ubahKim(wilayah: kode, kim: nil)) else { throw TindakanDilarang() }
        let dataKim = try isian.validasi(namaBawaan: tingkat.namaBawaan(w.nama), hariIni: l.hariIni)
        let acuan = dataKim.tanggalPembentukan ?? l.hariIni
        var pengurus: [Pengurus] = []
        var kesalahan = KesalahanIsian()
        for (i, p) in (isian.pengurus ?? []).enumerated() {
            do { pengurus.append(try p.validasi(acuan: acuan)) } catch {
                error.butir.forEach { kesalahan.tambah("pengurus[\(i)].\($0.bidang)", "Pengurus ke-\(i + 1): \($0.pesan)") }
            }
        }
        if let alasan = AturanPengurus.alasanPerubahanDitolak(status: .draf, jabatanSesudah: pengurus.map(\.jabatan)) {
            kesalahan.tambah("pengurus", alasan)
        }
        guard kesalahan.kosong else { throw kesalahan }
        if let ada = try await data.di(kode) { throw KimSudahAda(nama: ada.nama) }
        let m = KimModel(tingkat: tingkat, wilayah: kode, data: dataKim, pada: l.sekarang)
        try await data.buat(m, pengurus: pengurus)
        return m
    }

    /// Changes its data, if it is still as the actor saw it (`versi`) or as read here.
    func ubah(_ m: KimModel, _ isian: IsianKim, versi: Int? = nil) async throws {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        guard m.statusKim != .dibubarkan else { throw KesalahanIsian("nama", "KIM yang sudah dibubarkan tidak dapat diubah.") }
        let w = try await RepositoriWilayah(db: l.db).cari(m.wilayah)
        m.salin(try isian.timpa(m).validasi(namaBawaan: m.tingkatKim.namaBawaan(w?.nama ?? ""), hariIni: l.hariIni), pada: l.sekarang)
        try await data.ubah(m)
    }

    /// Adds or changes one member; the board as a whole must stay within the core's rules.
    func simpanPengurus(_ m: KimModel, _ isian: IsianPengurus, ganti lama: PengurusModel? = nil) async throws -> PengurusModel {
        let acuan = m.tanggalPembentukan.flatMap(Tanggal.init(iso:)) ?? l.hariIni
        let p = try isian.validasi(acuan: acuan)
        let lain = try await pengurus(m).filter { $0.id != lama?.id }
        if let alasan = AturanPengurus.alasanPerubahanDitolak(status: m.statusKim, jabatanSesudah: lain.map(\.jabatanKim) + [p.jabatan]) {
            throw KesalahanIsian("jabatan", alasan)
        }
        let baru = try lama ?? PengurusModel(kimID: m.requireID(), p)
        baru.salin(p)
        m.diubahPada = l.sekarang
        try await data.simpanPengurus(baru, kim: m)
        return baru
    }

    func hapusPengurus(_ m: KimModel, _ p: PengurusModel) async throws {
        let lain = try await pengurus(m).filter { $0.id != p.id }
        if let alasan = AturanPengurus.alasanPerubahanDitolak(status: m.statusKim, jabatanSesudah: lain.map(\.jabatanKim)) {
            throw KesalahanIsian("jabatan", alasan)
        }
        m.diubahPada = l.sekarang
        try await data.hapusPengurus(p, kim: m)
    }

    /// An account for a board member, bound to the KIM, with a temporary password.
    func buatAkun(untuk p: PengurusModel, kim m: KimModel, username: String, kataSandi: String) async throws -> PenggunaModel {
        guard p.$pengguna.id == nil else { throw KesalahanIsian("username", "\(p.nama) sudah memiliki akun.") }
        let akun = try await LayananAkun(l: l).buat(username: username, nama: p.nama, kataSandi: kataSandi,
                                                    peran: Peran.pengurusKim.rawValue, kodeWilayah: nil, kodeOPD: nil, kimID: m.id)
        try await data.tautkanAkun(p, akun: try akun.requireID())
        return akun
    }

    /// What a lifecycle action would do, checked without doing it (the confirmation step of
    /// `AksiKim.akibat`).
    @discardableResult
    func periksaTransisi(_ m: KimModel, aksi: AksiKim, data isian: DataTransisi, oleh p: Pelaku, versi: Int? = nil) async throws -> HasilTransisi {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        return try SiklusKim.jalankan(aksi, pada: m.keadaan(pengurus: try await pengurus(m)), oleh: p.aktor, data: isian, hariIni: l.hariIni)
    }

    /// Runs a lifecycle action through the core and records every step it passes, if the KIM
    /// is still in the state it was decided from (`versi`: the one the actor saw).
    func transisi(_ m: KimModel, aksi: AksiKim, data isian: DataTransisi, oleh p: Pelaku, versi: Int? = nil) async throws -> [TransisiKimModel] {
        let hasil = try await periksaTransisi(m, aksi: aksi, data: isian, oleh: p, versi: versi)
        let sekarang = l.sekarang
        var dari = m.statusKim
        var langkah: [TransisiKimModel] = []
        for ke in hasil.langkah {
            let t = TransisiKimModel()
            t.$kim.id = try m.requireID()
            (t.aksi, t.dari, t.ke) = (aksi.rawValue, dari.rawValue, ke.rawValue)
            t.catatan = isian.catatan.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : String($0.prefix(1000)) }
            // The SK belongs to the step it legalises, not to the automatic activation after it.
            if aksi.butuhSK, langkah.isEmpty {
                (t.nomorSK, t.tanggalSK) = (isian.nomorSK?.trimmingCharacters(in: .whitespaces), isian.tanggalSK?.iso)
            }
            (t.penggunaID, t.namaPengguna, t.peran) = (p.aktor.id, p.nama, p.aktor.peran.rawValue)
            (t.waktu, t.tanggal) = (sekarang, Tanggal(sekarang).iso)
            langkah.append(t)
            dari = ke
        }
        switch aksi {
        case .sahkanDesa: (m.nomorSKDesa, m.tanggalSKDesa) = (langkah[0].nomorSK, langkah[0].tanggalSK)
        case .sahkanKecamatan: (m.nomorSKKecamatan, m.tanggalSKKecamatan) = (langkah[0].nomorSK, langkah[0].tanggalSK)
        case .kembalikan: (m.nomorSKDesa, m.tanggalSKDesa) = (nil, nil)
        default: break
        }
        m.status = hasil.statusAkhir.rawValue
        m.diubahPada = sekarang
        let akunBerakhir = AturanKim.akunPengurusBerakhir(hasil.statusAkhir) ? try await RepositoriPengguna(db: l.db).aktifMilikKim(try m.requireID()) : []
        let l = self.l
        // The operators who must legalise it next hear of it with the step, or not at all.
        let pesan = SiklusKim.pengesahBerikutnya(status: hasil.statusAkhir, tingkat: m.tingkatKim, wilayah: m.wilayah)
            .map { [RepositoriNotifikasi.Kiriman(pemberitahuan: .kimMenungguPengesahan(nama: m.nama, pengesah: $0), tautan: "/kim/\(m.id!)")] } ?? []
        let alamat = try await RepositoriNotifikasi(db: l.db, jam: l.jam).alamat(pesan.map(\.pemberitahuan), cache: l.cache.alamat)
        try await data.transisi(m, langkah: langkah, akunBerakhir: akunBerakhir, akhiriAkses: { a, db in
            try await LayananToken(l: l.dengan(db: db)).akhiriSemuaAkses(a)
        }, juga: { db in
            if !pesan.isEmpty { try await RepositoriNotifikasi(db: db, jam: l.jam).kirim(pesan, ke: alamat) }
        })
        return langkah
    }

    // MARK: Documents

    static let jenisDokumen = ["sk_desa": "SK pengesahan desa", "sk_kecamatan": "SK pengesahan kecamatan",
                               "berita_acara": "Berita acara pembentukan (ditandatangani)",
                               "pernyataan": "Surat pernyataan (ditandatangani)"]

    var penyimpanDokumen: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/dokumen") }

    /// Stores a scan under a generated name after checking its type from its bytes.
    func unggah(_ m: KimModel, jenis: String, berkas: FotoMasuk?, oleh aktor: Aktor) async throws -> DokumenKimModel {
        guard Self.jenisDokumen[jenis] != nil else { throw KesalahanIsian("jenis", "Jenis dokumen tidak dikenal.") }
        guard let berkas, let b = try PenyimpanBerkas.periksa([berkas], maks: 1, terima: JenisBerkas.dokumen, bidang: "berkas", label: "Berkas").first else {
            throw KesalahanIsian("berkas", "Pilih berkas yang akan diunggah.")
        }
        let d = DokumenKimModel()
        d.$kim.id = try m.requireID()
        (d.jenis, d.namaAsli, d.tipeMime, d.ukuran, d.sha256) = (jenis, b.namaAsli, b.jenis.mime, b.bytes.count, b.sha256)
        (d.diunggahOleh, d.waktu) = (aktor.id, l.sekarang)
        return try await penyimpanDokumen.dengan([b]) { nama in
            d.berkas = nama[0]
            try await data.simpan(d)
            return d
        }
    }
}
