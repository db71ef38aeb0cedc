import SIKIMCore
import SIKIMData
import Vapor

/// KIM pages: the registry, board terms ending, forming and editing a KIM, one KIM with its
/// board, lifecycle, documents and activity.
struct KimWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let kim = routes.grouped("kim")
        kim.get(use: daftar)
        kim.get("masa-bakti", use: masaBakti)
        kim.get("baru", use: formBaru)
        kim.post(use: buat)
        kim.get(":kim", use: detail)
        kim.get(":kim", "ubah", use: formUbah)
        kim.post(":kim", use: ubah)
        kim.post(":kim", "pengurus", use: tambahPengurus)
        kim.get(":kim", "pengurus", ":pengurus", use: formPengurus)
        kim.post(":kim", "pengurus", ":pengurus", use: ubahPengurus)
        kim.post(":kim", "pengurus", ":pengurus", "hapus", use: hapusPengurus)
        kim.post(":kim", "pengurus", ":pengurus", "akun", use: buatAkun)
        kim.post(":kim", "transisi", use: transisi)
        kim.post(":kim", "dokumen", use: unggah).batasBadan(berkas: "6mb")
        kim.get(":kim", "dokumen", ":dokumen", use: unduh)
    }

    // MARK: Lists

    struct BarisKim: Encodable {
        let id: String
        let nama: String
        let wilayah: String
        let tingkat: String
        let status: String
        let statusLabel: String
        let ketua: String?
        let jumlahPengurus: Int
        let tanggalPembentukan: String?
        let fokus: String
        var aktivitas: String = ""
        var statusAktivitas: String = ""
    }

    struct KonteksDaftar: Encodable {
        let tata: Tata
        let daftar: [BarisKim]
        let kosong: Bool
        let bolehBuat: Bool
        let bolehImpor: Bool
        let filter: Filter
        let pilihanStatus: [Pilihan]
        let pemilihWilayah: PemilihWilayah
        let lanjut: String?
    }

    struct Filter: Encodable {
        let status: String
        let tingkat: String
        let kodeWilayah: String
    }

    @Sendable func daftar(req: Request) async throws -> Response {
        try req.wajib(.lihatDaftarKim)
        let halaman = try await LayananKim(l: req.lingkungan).halaman(try req.saringanKim(), try req.paginasi())
        let k = try req.kueri
        let filter = Filter(status: k["status"] ?? "", tingkat: k["tingkat"] ?? "", kodeWilayah: k["kode_wilayah"] ?? "")
        let daftar = try await barisKim(halaman.isi, req: req)
        let wilayah = try await PemilihWilayah.untuk(terpilih: filter.kodeWilayah, l: req.lingkungan)
        let tautan = halaman.lanjut.map { c in
            "/kim?" + (["cursor=\(c)"] + [("status", filter.status), ("tingkat", filter.tingkat), ("kode_wilayah", filter.kodeWilayah)]
                .filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }).joined(separator: "&")
        }
        return try await req.halaman("kim-daftar", KonteksDaftar(
            tata: req.tata("Daftar KIM"), daftar: daftar, kosong: daftar.isEmpty, bolehBuat: Kebijakan.boleh(req.aktor, .bentukKim),
            bolehImpor: Kebijakan.boleh(req.aktor, .imporKim), filter: filter,
            pilihanStatus: StatusKim.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pemilihWilayah: wilayah, lanjut: tautan))
    }

    private func barisKim(_ baris: [KimModel], req: Request) async throws -> [BarisKim] {
        let l = req.lingkungan
        let pengurus = try await LayananKim(l: l).pengurus(baris)
        let nama = try await LayananWilayah(l: l).nama(baris.map(\.kodeWilayah))
        let aktivitas = try await LayananAktivitas(l: l).keadaan(baris)
        return baris.map { m in
            let p = pengurus[m.id!] ?? []
            let a = aktivitas[m.id!]?.status ?? .belumAktif
            return BarisKim(id: m.id!.uuidString, nama: m.nama, wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah,
                            tingkat: m.tingkatKim.tingkatWilayah.label, status: m.status, statusLabel: m.statusKim.label,
                            ketua: p.first { $0.jabatanKim == .ketua }?.nama, jumlahPengurus: p.count,
                            tanggalPembentukan: m.tanggalPembentukanPanjang,
                            fokus: m.fokus.joined(separator: ", "), aktivitas: a.label, statusAktivitas: a.rawValue)
        }
    }

    struct BarisMasaBakti: Encodable {
        let kimId: String
        let kim: String
        let nama: String
        let jabatan: String
        let nomorHp: String
        let selesai: String
    }

    struct KonteksMasaBakti: Encodable {
        let tata: Tata
        let hari: Int
        let daftar: [BarisMasaBakti]
        let kosong: Bool
    }

    /// Board members whose term ends within the warning window, in the actor's scope.
    @Sendable func masaBakti(req: Request) async throws -> Response {
        try req.wajib(.lihatDaftarKim)
        let daftar = try await LayananKim(l: req.lingkungan).masaBaktiBerakhir(Kebijakan.cakupanKim(req.aktor)).map { p, kim in
            BarisMasaBakti(kimId: p.$kim.id.uuidString, kim: kim, nama: p.nama, jabatan: p.keterangan ?? p.jabatanKim.label,
                           nomorHp: NomorTelepon.tampil(p.nomorHP),
                           selesai: Tanggal(iso: p.masaBaktiSelesai).map(TanggalIndonesia.panjang) ?? p.masaBaktiSelesai)
        }
        return try await req.halaman("kim-masa-bakti", KonteksMasaBakti(
            tata: req.tata("Masa bakti segera berakhir"), hari: AturanPengurus.peringatanMasaBaktiHari, daftar: daftar, kosong: daftar.isEmpty))
    }

    // MARK: Create and edit

    struct KonteksForm: Encodable {
        let tata: Tata
        let csrf: String
        let aksi: String
        let baru: Bool
        let isian: IsianKim
        let fokus: String
        let kesalahan: GalatIsian
        let pilihanWilayah: [Pilihan]
    }

    private func renderForm(_ req: Request, isian: IsianKim, kim: KimModel?, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let baru = kim == nil
        let wilayah = baru ? try await LayananKim(l: req.lingkungan).wilayahTersedia(untuk: req.aktor) : []
        return try await req.halaman("kim-form", KonteksForm(
            tata: req.tata(baru ? "Bentuk KIM baru" : "Ubah data KIM"), csrf: req.tokenCSRF,
            aksi: baru ? "/kim" : "/kim/\(kim!.id!)", baru: baru, isian: isian,
            fokus: (isian.fokus ?? []).joined(separator: ", "), kesalahan: kesalahan,
            pilihanWilayah: wilayah.map { Pilihan(nilai: $0.kode.nilai, label: "\($0.namaLengkap) (\($0.kode.nilai))") }), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        try req.wajib(.bentukKim)
        var isian = IsianKim()
        isian.kodeWilayah = (try? req.kueri)?["kode_wilayah"]
        return try await renderForm(req, isian: isian, kim: nil, kesalahan: [:], status: .ok)
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.bentukKim) // before the fields: who may not form a KIM learns nothing from validation
        var isian = try req.content.decode(IsianKim.self)
        isian.pengurus = nil
        // The form picks a region; its level is the KIM's level.
        isian.tingkat = isian.kodeWilayah.flatMap(KodeWilayah.init).map { $0.tingkat == .desa ? "desa" : "kecamatan" }
        do {
            let m = try await LayananKim(l: req.lingkungan).buat(isian, oleh: req.aktor)
            return req.alihkan("/kim/\(m.id!)", kilat: "\(m.nama) dibuat sebagai draf. Lengkapi susunan pengurusnya.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian: isian, kim: nil, kesalahan: e.perBidang, status: .unprocessableEntity)
        } catch let e as KimSudahAda {
            return try await renderForm(req, isian: isian, kim: nil, kesalahan: ["kode_wilayah": e.pesan], status: .conflict)
        }
    }

    @Sendable func formUbah(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        return try await renderForm(req, isian: IsianKim().timpa(m), kim: m, kesalahan: [:], status: .ok)
    }

    @Sendable func ubah(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let isian = try req.content.decode(IsianKim.self)
        do {
            try await LayananKim(l: req.lingkungan).ubah(m, isian, versi: isian.versi)
            return req.alihkan("/kim/\(m.id!)", kilat: "Data KIM diperbarui.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian: isian, kim: m, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    // MARK: One KIM

    struct BarisPengurus: Encodable {
        let id: String
        let nama: String
        let jabatan: String
        let jenisKelamin: String
        let nomorHp: String
        let email: String?
        let masaBakti: String
        let segeraBerakhir: Bool
        let punyaAkun: Bool
    }

    struct BarisRiwayat: Encodable {
        let waktu: String
        let dari: String
        let ke: String
        let oleh: String
        let catatan: String?
        let sk: String?
    }

    struct BarisDokumen: Encodable {
        let id: String
        let jenis: String
        let nama: String
        let ukuran: String
        let waktu: String
        let sha256: String
    }

    struct FormAksi: Encodable {
        let aksi: String
        let label: String
        let butuhSK: Bool
        let butuhAlasan: Bool
        let bahaya: Bool

        init(_ a: AksiKim) {
            (aksi, label, butuhSK, butuhAlasan, bahaya) = (a.rawValue, a.label, a.butuhSK, a.butuhAlasan, a.akibat != nil)
        }
    }

    struct KonteksDetail: Encodable {
        let tata: Tata
        let csrf: String
        let id: String
        let versi: Int
        let nama: String
        let wilayah: String
        let kodeWilayah: String
        let tingkat: String
        let status: String
        let statusLabel: String
        let alamat: String?
        let email: String?
        let telepon: String?
        let tanggalPembentukan: String?
        let tempatPembentukan: String?
        let jumlahHadir: Int?
        let fokus: String
        let skDesa: String?
        let skKecamatan: String?
        let diubah: String
        let kekurangan: [String]
        let pengurus: [BarisPengurus]
        let riwayat: [BarisRiwayat]
        let dokumen: [BarisDokumen]
        let aksi: [FormAksi]
        /// The steps that stop the KIM, kept below the page's main content.
        let aksiBahaya: [FormAksi]
        let bolehUbah: Bool
        let bolehBuatAkun: Bool
        let isian: IsianPengurus
        let kesalahan: GalatIsian
        let pilihanJabatan: [Pilihan]
        let pilihanJenisDokumen: [Pilihan]
        let hariIni: String
        let aktivitas: String
        let statusAktivitas: String
        let aktivitasTerakhir: String?
        let kegiatan: [BarisKegiatan]
        let bolehKegiatan: Bool
        let pembinaan: [BarisCatatan]
        let bolehPembinaan: Bool
        let pilihanJenisKegiatan: [Pilihan]
        let pilihanJenisPembinaan: [Pilihan]
        /// A refused kegiatan as it was sent, and its photos kept (`berkas-tertunda`).
        let isianKegiatan: IsianKegiatan?
        let tertunda: String?
        let terlampir: [String]
        /// The kegiatan form's idempotency key: a double tap or the phone's retry records it once.
        let kunci: String
    }

    /// A refused kegiatan, and the key of its kept photos.
    struct KegiatanDikirim {
        let isian: IsianKegiatan
        let tertunda: String?
    }

    struct BarisKegiatan: Encodable {
        let jenis: String, tanggal: String, tempat: String, uraian: String, peserta: Int?, foto: [String]
    }

    struct BarisCatatan: Encodable { let waktu: String; let jenis: String; let oleh: String; let catatan: String }

    /// "Nomor 141/12/2024 tanggal Kamis, 16 Mei 2024".
    static func sk(_ nomor: String?, _ tanggal: String?) -> String? {
        zip2(nomor, tanggal.flatMap(Tanggal.init(iso:))).map { "Nomor \($0) tanggal \(TanggalIndonesia.panjang($1))" }
    }

    static func renderDetail(_ req: Request, _ m: KimModel, isianPengurus: IsianPengurus = IsianPengurus(), kegiatan dikirim: KegiatanDikirim? = nil,
                              kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let l = req.lingkungan
        let kim = LayananKim(l: l), aktivitasKim = LayananAktivitas(l: l)
        let pengurus = try await kim.pengurus(m)
        let keadaan = m.keadaan(pengurus: pengurus)
        let tersedia = SiklusKim.tersedia(keadaan, untuk: req.aktor)
        let hariIni = l.hariIni
        let riwayat = try await kim.riwayat(m, terbaruDulu: true)
        let dokumen = try await kim.dokumen(m)
        let nama = try await LayananWilayah(l: l).nama([m.kodeWilayah])
        let aktivitas = try await aktivitasKim.keadaan([m])[m.id!]
        let (kegiatan, fotoKegiatan) = try await aktivitasKim.kegiatanTerbaru(m)
        let bolehPembinaan = Kebijakan.boleh(req.aktor, .ubahKim(wilayah: m.wilayah, kim: m.id))
        let pembinaan = bolehPembinaan ? try await aktivitasKim.pembinaan(m) : []
        let konteks = KonteksDetail(
            tata: req.tata(m.nama), csrf: req.tokenCSRF, id: m.id!.uuidString, versi: m.versi, nama: m.nama,
            wilayah: nama[m.kodeWilayah] ?? m.kodeWilayah, kodeWilayah: m.kodeWilayah, tingkat: m.tingkatKim.tingkatWilayah.label,
            status: m.status, statusLabel: m.statusKim.label, alamat: m.alamat, email: m.email,
            telepon: m.telepon.map(NomorTelepon.tampil),
            tanggalPembentukan: m.tanggalPembentukanPanjang,
            tempatPembentukan: m.tempatPembentukan, jumlahHadir: m.jumlahHadir, fokus: m.fokus.joined(separator: ", "),
            skDesa: Self.sk(m.nomorSKDesa, m.tanggalSKDesa), skKecamatan: Self.sk(m.nomorSKKecamatan, m.tanggalSKKecamatan), diubah: TanggalIndonesia.denganJam(m.diubahPada),
            kekurangan: m.statusKim == .draf ? keadaan.kekuranganPembentukan : [],
            pengurus: pengurus.map { p in
                let selesai = Tanggal(iso: p.masaBaktiSelesai)
                return BarisPengurus(
                    id: p.id!.uuidString, nama: p.nama, jabatan: p.keterangan ?? p.jabatanKim.label,
                    jenisKelamin: JenisKelamin(rawValue: p.jenisKelamin)?.label ?? p.jenisKelamin,
                    nomorHp: NomorTelepon.tampil(p.nomorHP), email: p.email,
                    masaBakti: "\(Tanggal(iso: p.masaBaktiMulai).map(TanggalIndonesia.panjang) ?? "") – \(selesai.map(TanggalIndonesia.panjang) ?? "")",
                    segeraBerakhir: selesai.map { AturanPengurus.masaBaktiSegeraBerakhir($0, hariIni: hariIni) } ?? false,
                    punyaAkun: p.$pengguna.id != nil)
            },
            riwayat: riwayat.map { t in
                BarisRiwayat(waktu: TanggalIndonesia.denganJam(t.waktu), dari: StatusKim(rawValue: t.dari)?.label ?? t.dari,
                             ke: StatusKim(rawValue: t.ke)?.label ?? t.ke,
                             oleh: "\(t.namaPengguna) (\(Peran(rawValue: t.peran)?.label ?? t.peran))", catatan: t.catatan,
                             sk: sk(t.nomorSK, t.tanggalSK))
            },
            dokumen: dokumen.map { d in
                BarisDokumen(id: d.id!.uuidString, jenis: LayananKim.jenisDokumen[d.jenis] ?? d.jenis, nama: d.namaAsli,
                             ukuran: Angka.desimal(Double(d.ukuran) / 1024) + " KB", waktu: TanggalIndonesia.denganJam(d.waktu),
                             sha256: d.sha256)
            },
            aksi: tersedia.filter { $0.akibat == nil }.map(FormAksi.init),
            aksiBahaya: tersedia.filter { $0.akibat != nil }.map(FormAksi.init),
            bolehUbah: Kebijakan.boleh(req.aktor, .ubahKim(wilayah: m.wilayah, kim: m.id)) && m.statusKim != .dibubarkan,
            bolehBuatAkun: Kebijakan.boleh(req.aktor, .kelolaPengguna) && m.statusKim != .dibubarkan,
            isian: isianPengurus, kesalahan: kesalahan,
            pilihanJabatan: Jabatan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanJenisDokumen: LayananKim.jenisDokumen.sorted { $0.key < $1.key }.map { Pilihan(nilai: $0.key, label: $0.value) },
            hariIni: hariIni.iso,
            aktivitas: aktivitas?.status.label ?? "", statusAktivitas: aktivitas?.status.rawValue ?? "",
            aktivitasTerakhir: aktivitas?.terakhir.map(TanggalIndonesia.panjang),
            kegiatan: kegiatan.map { k in
                BarisKegiatan(jenis: JenisKegiatan(rawValue: k.jenis)?.label ?? k.jenis,
                              tanggal: Tanggal(iso: k.tanggal).map(TanggalIndonesia.panjang) ?? k.tanggal, tempat: k.tempat,
                              uraian: k.uraian, peserta: k.peserta,
                              foto: (fotoKegiatan[k.id!] ?? []).map { AktivitasWeb.urlFoto(kim: m.id!, kegiatan: k.id!, foto: $0.id!) })
            },
            bolehKegiatan: AturanKegiatan.bolehMencatat(req.aktor, kim: m.id!, statusKim: m.statusKim),
            pembinaan: pembinaan.map {
                BarisCatatan(waktu: TanggalIndonesia.denganJam($0.waktu), jenis: AturanPembinaan.jenis[$0.jenis] ?? $0.jenis,
                             oleh: $0.namaOleh, catatan: $0.catatan)
            },
            bolehPembinaan: bolehPembinaan,
            pilihanJenisKegiatan: JenisKegiatan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanJenisPembinaan: AturanPembinaan.jenis.sorted { $0.key < $1.key }.map { Pilihan(nilai: $0.key, label: $0.value) },
            isianKegiatan: dikirim?.isian, tertunda: dikirim?.tertunda, terlampir: BerkasTertunda(req).ambil(dikirim?.tertunda).map(\.nama),
            kunci: UUID().uuidString)
        return try await req.halaman("kim-detail", konteks, status: status)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await Self.renderDetail(req, try await req.kim())
    }

    /// Runs a change from the KIM page: back to the page with a notice, or the page with
    /// the field errors (and the entered member data) on failure.
    private func ubahDariHalaman(_ req: Request, _ m: KimModel, isian: IsianPengurus = IsianPengurus(), berhasil: String,
                                 _ langkah: () async throws -> Void) async throws -> Response {
        try await dariHalaman(req, m, isian: isian) {
            try await langkah()
            return req.alihkan("/kim/\(m.id!)", kilat: berhasil)
        }
    }

    /// A refused change shows the KIM's page again with the message where it belongs.
    private func dariHalaman(_ req: Request, _ m: KimModel, isian: IsianPengurus = IsianPengurus(),
                             _ kerja: () async throws -> Response) async throws -> Response {
        do {
            return try await kerja()
        } catch let e as KesalahanIsian {
            return try await Self.renderDetail(req, m, isianPengurus: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        } catch let e as TransisiDitolak {
            return try await Self.renderDetail(req, m, kesalahan: ["transisi": e.pesan], status: .conflict)
        } catch let e as DiubahBersamaan {
            // The page shows the KIM as it is now, not as this request meant to leave it.
            let kini = try await req.kim()
            return try await Self.renderDetail(req, kini, kesalahan: ["transisi": e.pesan], status: .conflict)
        }
    }

    @Sendable func tambahPengurus(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let isian = try req.content.decode(IsianPengurus.self)
        return try await ubahDariHalaman(req, m, isian: isian, berhasil: "Pengurus \(isian.nama ?? "") ditambahkan.") {
            _ = try await LayananKim(l: req.lingkungan).simpanPengurus(m, isian)
        }
    }

    struct KonteksPengurus: Encodable {
        let tata: Tata
        let csrf: String
        let kimId: String
        let kimNama: String
        let pengurusId: String
        let isian: IsianPengurus
        let kesalahan: GalatIsian
        let pilihanJabatan: [Pilihan]
    }

    private func renderPengurus(_ req: Request, _ m: KimModel, _ p: PengurusModel, isian: IsianPengurus,
                                kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        try await req.halaman("kim-pengurus", KonteksPengurus(
            tata: req.tata("Ubah pengurus"), csrf: req.tokenCSRF, kimId: m.id!.uuidString, kimNama: m.nama,
            pengurusId: p.id!.uuidString, isian: isian, kesalahan: kesalahan,
            pilihanJabatan: Jabatan.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) }), status: status)
    }

    @Sendable func formPengurus(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let p = try await req.pengurus(kim: m)
        var isian = IsianPengurus(nama: p.nama, jabatan: p.jabatan, keterangan: p.keterangan, jenisKelamin: p.jenisKelamin,
                                  nomorHp: NomorTelepon.tampil(p.nomorHP), email: p.email, tahunLahir: String(p.tahunLahir))
        (isian.masaBaktiMulai, isian.masaBaktiSelesai) = (p.masaBaktiMulai, p.masaBaktiSelesai)
        return try await renderPengurus(req, m, p, isian: isian, kesalahan: [:], status: .ok)
    }

    @Sendable func ubahPengurus(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let p = try await req.pengurus(kim: m)
        let isian = try req.content.decode(IsianPengurus.self)
        do {
            _ = try await LayananKim(l: req.lingkungan).simpanPengurus(m, isian, ganti: p)
            return req.alihkan("/kim/\(m.id!)", kilat: "Data pengurus \(p.nama) diperbarui.")
        } catch let e as KesalahanIsian {
            return try await renderPengurus(req, m, p, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func hapusPengurus(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let p = try await req.pengurus(kim: m)
        return try await ubahDariHalaman(req, m, berhasil: "Pengurus \(p.nama) dihapus dari susunan.") {
            try await LayananKim(l: req.lingkungan).hapusPengurus(m, p)
        }
    }

    struct IsianAkun: Content {
        var username: String?
        var kataSandi: String?
        enum CodingKeys: String, CodingKey { case username, kataSandi = "kata_sandi" }
    }

    /// Gives a board member a `pengurus_kim` login bound to this KIM.
    @Sendable func buatAkun(req: Request) async throws -> Response {
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        try req.wajib(.kelolaPengguna)
        let p = try await req.pengurus(kim: m)
        let isian = try req.content.decode(IsianAkun.self)
        return try await ubahDariHalaman(req, m, berhasil: "Akun \(isian.username ?? "") dibuat untuk \(p.nama).") {
            _ = try await LayananKim(l: req.lingkungan).buatAkun(untuk: p, kim: m, username: isian.username ?? "", kataSandi: isian.kataSandi ?? "")
        }
    }

    struct IsianTransisi: Content {
        var aksi: String?
        var catatan: String?
        var nomorSk: String?
        var tanggalSk: String?
        /// The KIM's version the page showed: the step applies only to that state.
        var versi: Int?
        /// "ya" once the second page of a step that stops the KIM was confirmed.
        var konfirmasi: String?
        enum CodingKeys: String, CodingKey { case aksi, catatan, versi, konfirmasi, nomorSk = "nomor_sk", tanggalSk = "tanggal_sk" }
    }

    @Sendable func transisi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let m = try await req.kim()
        let isian = try req.content.decode(IsianTransisi.self)
        guard let aksi = isian.aksi.flatMap(AksiKim.init(rawValue:)) else { throw ParameterTidakValid("Aksi tidak dikenal.") }
        let layanan = LayananKim(l: req.lingkungan)
        // A step that stops the KIM is checked, then restated on a second page.
        if let akibat = aksi.akibat, isian.konfirmasi != "ya" {
            return try await dariHalaman(req, m) {
                let data = try DataTransisi.dari(catatan: isian.catatan, nomorSK: isian.nomorSk, tanggalSK: isian.tanggalSk)
                try await layanan.periksaTransisi(m, aksi: aksi, data: data, oleh: p.pelaku, versi: isian.versi)
                return try await req.halaman("kim-konfirmasi", KonteksKonfirmasi(
                    tata: req.tata("\(aksi.label)?"), csrf: req.tokenCSRF, id: m.id!.uuidString, nama: m.nama, aksi: aksi.rawValue,
                    label: aksi.label, akibat: akibat, catatan: isian.catatan ?? "", versi: isian.versi.map(String.init)))
            }
        }
        return try await ubahDariHalaman(req, m, berhasil: "\(aksi.label): berhasil.") {
            let data = try DataTransisi.dari(catatan: isian.catatan, nomorSK: isian.nomorSk, tanggalSK: isian.tanggalSk)
            _ = try await layanan.transisi(m, aksi: aksi, data: data, oleh: p.pelaku, versi: isian.versi)
        }
    }

    struct KonteksKonfirmasi: Encodable {
        let tata: Tata; let csrf: String; let id: String; let nama: String
        let aksi: String; let label: String; let akibat: String; let catatan: String
        /// As text: the version 0 is a version, not an absent one.
        let versi: String?
    }

    // MARK: Documents

    struct IsianUnggah: Content {
        var jenis: String?
        var berkas: File?
    }

    @Sendable func unggah(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let m = try await req.kim(boleh: { .ubahKim(wilayah: $0.wilayah, kim: $0.id) })
        let isian = try req.content.decode(IsianUnggah.self)
        return try await ubahDariHalaman(req, m, berhasil: "Dokumen diunggah.") {
            _ = try await LayananKim(l: req.lingkungan).unggah(m, jenis: isian.jenis ?? "", berkas: isian.berkas.map(FotoMasuk.init),
                                                                oleh: p.aktor)
        }
    }

    @Sendable func unduh(req: Request) async throws -> Response {
        let m = try await req.kim()
        guard let id = req.parameters.get("dokumen", as: UUID.self) else { throw TidakDitemukan("Dokumen") }
        let layanan = LayananKim(l: req.lingkungan)
        let d = try await layanan.cariDokumen(id, kim: m)
        return try await req.berkasTersimpan(layanan.penyimpanDokumen.jalur(d.berkas), tipe: d.tipeMime, publik: false,
                                             unduhSebagai: d.namaAsli)
    }
}


extension IsianKim: Content {}
extension IsianPengurus: Content {}

extension Request {
    /// `:kim` if the actor may do `boleh` on it (by default: read it); a KIM the actor may not
    /// read does not exist for them.
    func kim(boleh: (KimModel) -> Tindakan = { .lihatKim(wilayah: $0.wilayah, kim: $0.id) }) async throws -> KimModel {
        guard let id = parameters.get("kim", as: UUID.self) else {
            _ = try wajibMasuk()
            throw TidakDitemukan("KIM")
        }
        return try await LayananKim(l: lingkungan).satu(id, untuk: aktor, boleh: boleh)
    }

    /// `:pengurus` of this KIM.
    func pengurus(kim m: KimModel) async throws -> PengurusModel {
        guard let id = parameters.get("pengurus", as: UUID.self) else { throw TidakDitemukan("Pengurus") }
        return try await LayananKim(l: lingkungan).cariPengurus(id, kim: m)
    }

    /// The actor's KIM list with the filters of `?status=&tingkat=&kode_wilayah=`.
    func saringanKim() throws -> SaringanKim {
        let k = try kueri
        var s = SaringanKim(cakupan: Kebijakan.cakupanKim(aktor))
        if let t = k["status"], !t.isEmpty {
            guard let x = StatusKim(rawValue: t) else { throw ParameterTidakValid("Parameter status tidak dikenal.") }
            s.status = x
        }
        if let t = k["tingkat"], !t.isEmpty {
            guard let x = TingkatKim(rawValue: t) else { throw ParameterTidakValid("Parameter tingkat harus desa atau kecamatan.") }
            s.tingkat = x
        }
        if let w = k["kode_wilayah"], !w.isEmpty {
            guard let x = KodeWilayah(w) else { throw ParameterTidakValid("Parameter kode_wilayah bukan kode wilayah yang valid.") }
            s.wilayah = x
        }
        return s
    }
}
