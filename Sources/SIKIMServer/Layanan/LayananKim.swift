import SIKIMData
import Fluent
import Foundation
import SIKIMCore
import Vapor

/// Raw board-member fields as submitted by a form, the API or an import row.
struct IsianPengurus: Content {
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
struct IsianKim: Content {
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

/// KIM operations shared by the web pages, the API and the import.
struct LayananKim {
    let db: any Database
    let jam: Jam
    let direktoriData: String

    var hariIni: Tanggal { Tanggal(jam.sekarang()) }

    /// Creates a KIM in a region the actor may manage, optionally with its board.
    func buat(_ isian: IsianKim, oleh aktor: Aktor?) async throws -> KimModel {
        guard let t = isian.tingkat, let tingkat = TingkatKim(rawValue: t) else {
            throw KesalahanIsian("tingkat", "Tingkat KIM harus desa atau kecamatan.")
        }
        let teks = isian.kodeWilayah ?? ""
        guard let kode = KodeWilayah(teks), kode.tingkat == tingkat.tingkatWilayah,
              let w = try await WilayahModel.find(kode.nilai, on: db) else {
            throw KesalahanIsian("kode_wilayah", "Pilih \(tingkat.tingkatWilayah.label.lowercased()) di Kabupaten Serang untuk KIM tingkat \(tingkat.rawValue).")
        }
        guard Kebijakan.boleh(aktor, .ubahKim(wilayah: kode, kim: nil)) else { throw KesalahanHTTP.dilarang }
        let data = try isian.validasi(namaBawaan: tingkat.namaBawaan(w.nama), hariIni: hariIni)
        let acuan = data.tanggalPembentukan ?? hariIni
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
        try await pastikanBelumAda(kode)
        let m = KimModel(tingkat: tingkat, wilayah: kode, data: data, pada: jam.sekarang())
        let susunan = pengurus
        try await db.transaction { db in
            try await m.create(on: db)
            for p in susunan { try await PengurusModel(kimID: m.requireID(), p).create(on: db) }
        }
        return m
    }

    private func pastikanBelumAda(_ kode: KodeWilayah) async throws {
        if let ada = try await KimModel.query(on: db).filter(\.$kodeWilayah == kode.nilai)
            .filter(\.$status != StatusKim.dibubarkan.rawValue).first() {
            throw KesalahanHTTP(.conflict, "kim_sudah_ada", "Wilayah ini sudah memiliki KIM: \(ada.nama).")
        }
    }

    /// Changes its data, if it is still as the actor saw it (`versi`) or as read here.
    func ubah(_ m: KimModel, _ isian: IsianKim, versi: Int? = nil) async throws {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        guard m.statusKim != .dibubarkan else { throw KesalahanIsian("nama", "KIM yang sudah dibubarkan tidak dapat diubah.") }
        let w = try await WilayahModel.find(m.kodeWilayah, on: db)
        m.salin(try isian.timpa(m).validasi(namaBawaan: m.tingkatKim.namaBawaan(w?.nama ?? ""), hariIni: hariIni), pada: jam.sekarang())
        try await db.transaction { db in try await m.simpanBersyarat(on: db) }
    }

    func pengurus(_ m: KimModel) async throws -> [PengurusModel] {
        try await PengurusModel.query(on: db).filter(\.$kim.$id == m.requireID()).all().sorted(by: PengurusModel.urut)
    }

    /// Adds or changes one member; the board as a whole must stay within the core's rules.
    func simpanPengurus(_ m: KimModel, _ isian: IsianPengurus, ganti lama: PengurusModel? = nil) async throws -> PengurusModel {
        let acuan = m.tanggalPembentukan.flatMap(Tanggal.init(iso:)) ?? hariIni
        let p = try isian.validasi(acuan: acuan)
        let lain = try await pengurus(m).filter { $0.id != lama?.id }
        if let alasan = AturanPengurus.alasanPerubahanDitolak(status: m.statusKim, jabatanSesudah: lain.map(\.jabatanKim) + [p.jabatan]) {
            throw KesalahanIsian("jabatan", alasan)
        }
        let baru = try lama ?? PengurusModel(kimID: m.requireID(), p)
        baru.salin(p)
        try await ubahSusunan(m) { try await baru.save(on: $0) }
        return baru
    }

    func hapusPengurus(_ m: KimModel, _ p: PengurusModel) async throws {
        let lain = try await pengurus(m).filter { $0.id != p.id }
        if let alasan = AturanPengurus.alasanPerubahanDitolak(status: m.statusKim, jabatanSesudah: lain.map(\.jabatanKim)) {
            throw KesalahanIsian("jabatan", alasan)
        }
        try await ubahSusunan(m) { try await p.delete(on: $0) }
    }

    /// A board change was decided from the board as read: it counts as a change of the KIM, so
    /// two changes at once (two ketua, say) cannot both pass the board rule.
    private func ubahSusunan(_ m: KimModel, _ tulis: @escaping @Sendable (any Database) async throws -> Void) async throws {
        m.diubahPada = jam.sekarang()
        try await db.transaction { db in
            try await m.simpanBersyarat(on: db)
            try await tulis(db)
        }
    }

    /// Runs a lifecycle action through the core and records every step it passes, if the KIM
    /// is still in the state it was decided from (`versi`: the one the actor saw).
    func transisi(_ m: KimModel, aksi: AksiKim, data: DataTransisi, oleh p: PenggunaMasuk, versi: Int? = nil) async throws -> [TransisiKimModel] {
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        let hasil = try SiklusKim.jalankan(aksi, pada: m.keadaan(pengurus: try await pengurus(m)), oleh: p.aktor,
                                           data: data, hariIni: hariIni)
        let sekarang = jam.sekarang()
        var dari = m.statusKim
        var langkah: [TransisiKimModel] = []
        for ke in hasil.langkah {
            let t = TransisiKimModel()
            t.$kim.id = try m.requireID()
            (t.aksi, t.dari, t.ke) = (aksi.rawValue, dari.rawValue, ke.rawValue)
            t.catatan = data.catatan.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : String($0.prefix(1000)) }
            // The SK belongs to the step it legalises, not to the automatic activation after it.
            if aksi.butuhSK, langkah.isEmpty {
                (t.nomorSK, t.tanggalSK) = (data.nomorSK?.trimmingCharacters(in: .whitespaces), data.tanggalSK?.iso)
            }
            (t.penggunaID, t.namaPengguna, t.peran) = (p.aktor.id, p.model.nama, p.aktor.peran.rawValue)
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
        let catatan = langkah
        let akunBerakhir = AturanKim.akunPengurusBerakhir(hasil.statusAkhir) ? try await akunPengurus(m) : []
        try await db.transaction { db in
            try await m.simpanBersyarat(on: db)
            // Numbered after the KIM's row is claimed, so no other step takes the same number.
            let sebelumnya = try await TransisiKimModel.query(on: db).filter(\.$kim.$id == m.requireID()).max(\.$urutan) ?? -1
            for (i, t) in catatan.enumerated() {
                t.urutan = sebelumnya + 1 + i
                try await t.create(on: db)
            }
            // Model by model, so the token cache hears of each (`PengosongCache`).
            for a in akunBerakhir {
                a.aktif = false
                try await a.update(on: db)
                try await LayananToken(db: db, jam: jam).akhiriSemuaAkses(a)
            }
        }
        return catatan
    }

    /// The active accounts of this KIM's board.
    private func akunPengurus(_ m: KimModel) async throws -> [PenggunaModel] {
        try await PenggunaModel.query(on: db).filter(\.$kimID == m.requireID()).filter(\.$aktif == true).all()
    }

    // MARK: Documents

    static let jenisDokumen = ["sk_desa": "SK pengesahan desa", "sk_kecamatan": "SK pengesahan kecamatan",
                               "berita_acara": "Berita acara pembentukan (ditandatangani)",
                               "pernyataan": "Surat pernyataan (ditandatangani)"]

    var penyimpanDokumen: PenyimpanBerkas { PenyimpanBerkas(direktori: direktoriData + "/dokumen") }

    /// Stores a scan under a generated name after checking its type from its bytes.
    func unggah(_ m: KimModel, jenis: String, berkas: FotoMasuk, oleh aktor: Aktor) async throws -> DokumenKimModel {
        guard Self.jenisDokumen[jenis] != nil else { throw KesalahanIsian("jenis", "Jenis dokumen tidak dikenal.") }
        guard let b = try PenyimpanBerkas.periksa([berkas], maks: 1, terima: JenisBerkas.dokumen, bidang: "berkas", label: "Berkas").first else {
            throw KesalahanIsian("berkas", "Pilih berkas yang akan diunggah.")
        }
        let d = DokumenKimModel()
        d.$kim.id = try m.requireID()
        (d.jenis, d.namaAsli, d.tipeMime, d.ukuran, d.sha256) = (jenis, b.namaAsli, b.jenis.mime, b.bytes.count, b.sha256)
        d.berkas = try penyimpanDokumen.simpan(b)
        (d.diunggahOleh, d.waktu) = (aktor.id, jam.sekarang())
        do { try await d.create(on: db) } catch {
            penyimpanDokumen.hapus(d.berkas)
            throw error
        }
        return d
    }
}

extension Request {
    var layananKim: LayananKim {
        LayananKim(db: db, jam: application.jam, direktoriData: application.sikim.direktoriData)
    }
}
