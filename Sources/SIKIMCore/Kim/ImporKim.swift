/// Checking a CSV of existing KIMs before import: one row per KIM with its three core board
/// members. Every problem of every row is reported; an import commits only a clean file.
public enum ImporKim {
    public static let kolom = [
        "tingkat", "kode_wilayah", "nama", "status", "tanggal_pembentukan", "tempat_pembentukan", "jumlah_hadir",
        "alamat", "email", "telepon", "fokus", "nomor_sk_desa", "tanggal_sk_desa", "nomor_sk_kecamatan", "tanggal_sk_kecamatan",
    ] + ["ketua", "sekretaris", "bendahara"].flatMap { j in
        ["nama", "jenis_kelamin", "nomor_hp", "tahun_lahir"].map { "\(j)_\($0)" }
    }

    /// States a KIM may be imported in; legalisation states need their SK.
    public static let statusBoleh: [StatusKim] = [.draf, .diajukan, .disahkanDesa, .aktif]

    public struct SK: Equatable, Sendable {
        public let nomor: String
        public let tanggal: Tanggal
    }

    public struct Kim: Sendable {
        public let tingkat: TingkatKim
        public let wilayah: KodeWilayah
        public let data: DataKim
        public let status: StatusKim
        public let skDesa: SK?
        public let skKecamatan: SK?
        public let pengurus: [Pengurus]
    }

    public struct Baris: Sendable {
        public let nomor: Int
        public let kodeWilayah: String
        public let nama: String
        public let kesalahan: [String]
        public let kim: Kim?
    }

    public enum Kesalahan: Error, Equatable {
        case formatCSV(String)
        case kolomTidakSesuai(kurang: [String], asing: [String])
        case kosong
    }

    /// - Parameters:
    ///   - namaWilayah: every kecamatan and desa of the kabupaten, by code.
    ///   - sudahAdaKim: regions that already have a KIM that is not dissolved.
    public static func periksa(csv: String, namaWilayah: [String: String], sudahAdaKim: Set<String>,
                               hariIni: Tanggal, daerah: Daerah = .serang) throws(Kesalahan) -> [Baris] {
        let teks = csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv
        let baris: [[String]]
        do { baris = try CSV.baca(teks) } catch {
            if case .kutipTidakDitutup(let n) = error { throw .formatCSV("Tanda kutip pada baris \(n) tidak ditutup.") }
            throw .formatCSV("Berkas CSV tidak dapat dibaca.")
        }
        guard let kepala = baris.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else { throw .kosong }
        let kurang = kolom.filter { !kepala.contains($0) }, asing = kepala.filter { !kolom.contains($0) }
        guard kurang.isEmpty, asing.isEmpty else { throw .kolomTidakSesuai(kurang: kurang, asing: asing) }
        guard baris.count > 1 else { throw .kosong }

        var dipakai = sudahAdaKim
        return baris.dropFirst().enumerated().map { i, sel in
            var nilai: [String: String] = [:]
            for (j, k) in kepala.enumerated() { nilai[k] = j < sel.count ? sel[j].trimmingCharacters(in: .whitespaces) : "" }
            let hasil = periksaBaris(nilai, namaWilayah: namaWilayah, dipakai: dipakai, hariIni: hariIni, daerah: daerah)
            if hasil.kim != nil, let k = nilai["kode_wilayah"] { dipakai.insert(k) }
            return Baris(nomor: i + 2, kodeWilayah: nilai["kode_wilayah"] ?? "", nama: hasil.kim?.data.nama ?? nilai["nama"] ?? "",
                         kesalahan: hasil.kesalahan, kim: hasil.kim)
        }
    }

    private static func periksaBaris(_ v: [String: String], namaWilayah: [String: String], dipakai: Set<String>,
                                     hariIni: Tanggal, daerah: Daerah) -> (kesalahan: [String], kim: Kim?) {
        var galat: [String] = []
        func kumpul(_ e: KesalahanIsian) { galat += e.butir.map(\.pesan) }
        func isi(_ k: String) -> String? { v[k].flatMap { $0.isEmpty ? nil : $0 } }

        let tingkat = TingkatKim(rawValue: v["tingkat"] ?? "")
        if tingkat == nil { galat.append("Tingkat harus desa atau kecamatan.") }
        let kodeTeks = v["kode_wilayah"] ?? ""
        var kode: KodeWilayah?
        if let k = KodeWilayah(kodeTeks), namaWilayah[k.nilai] != nil {
            if let tingkat, k.tingkat != tingkat.tingkatWilayah {
                galat.append("Kode \(k.nilai) bukan kode \(tingkat.tingkatWilayah.label.lowercased()).")
            } else { kode = k }
            if dipakai.contains(k.nilai) { galat.append("Wilayah \(k.nilai) sudah memiliki KIM (di basis data atau di baris sebelumnya).") }
        } else {
            galat.append("Kode wilayah \"\(kodeTeks.prefix(30))\" tidak ada di \(daerah.nama).")
        }

        var data: DataKim?
        do {
            let bawaan = tingkat.map { $0.namaBawaan(kode.flatMap { namaWilayah[$0.nilai] } ?? "") } ?? "KIM"
            data = try AturanKim.data(nama: isi("nama") ?? bawaan, alamat: isi("alamat"), email: isi("email"), telepon: isi("telepon"),
                                      tanggalPembentukan: isi("tanggal_pembentukan"), tempatPembentukan: isi("tempat_pembentukan"),
                                      jumlahHadir: isi("jumlah_hadir"), fokus: isi("fokus")?.replacingOccurrences(of: ";", with: ","),
                                      hariIni: hariIni)
        } catch { kumpul(error) }

        let status = StatusKim(rawValue: isi("status") ?? "draf").flatMap { statusBoleh.contains($0) ? $0 : nil }
        if status == nil {
            galat.append("Status harus salah satu dari: \(statusBoleh.map(\.rawValue).joined(separator: ", ")).")
        }

        var pengurus: [Pengurus] = []
        for j in [Jabatan.ketua, .sekretaris, .bendahara] {
            let p = j.rawValue
            let isian = ["nama", "jenis_kelamin", "nomor_hp", "tahun_lahir"].compactMap { isi("\(p)_\($0)") }
            guard !isian.isEmpty else { continue }
            do {
                pengurus.append(try AturanPengurus.pengurus(
                    nama: isi("\(p)_nama") ?? "", jabatan: p, keterangan: nil, jenisKelamin: (isi("\(p)_jenis_kelamin") ?? "").uppercased(),
                    nomorHP: isi("\(p)_nomor_hp") ?? "", email: nil, tahunLahir: isi("\(p)_tahun_lahir") ?? "",
                    masaBaktiMulai: nil, masaBaktiSelesai: nil, acuan: data?.tanggalPembentukan ?? hariIni))
            } catch {
                galat += error.butir.map { "\(j.label): \($0.pesan)" }
            }
        }

        func sk(_ awalan: String) -> SK? {
            let nomor = isi("nomor_sk_\(awalan)"), tanggal = isi("tanggal_sk_\(awalan)")
            guard nomor != nil || tanggal != nil else { return nil }
            guard let nomor, let tanggal, let t = Tanggal(iso: tanggal) else {
                galat.append("SK \(awalan) harus berisi nomor dan tanggal (TTTT-BB-HH).")
                return nil
            }
            if t > hariIni { galat.append("Tanggal SK \(awalan) tidak boleh di masa depan.") }
            if let bentuk = data?.tanggalPembentukan, t < bentuk { galat.append("Tanggal SK \(awalan) tidak boleh sebelum tanggal pembentukan.") }
            return SK(nomor: String(nomor.prefix(100)), tanggal: t)
        }
        let skDesa = sk("desa"), skKec = sk("kecamatan")

        if let status, let tingkat, status != .draf {
            if let d = data {
                galat += AturanKim.kekuranganPembentukan(tanggal: d.tanggalPembentukan, tempat: d.tempatPembentukan,
                                                         jabatan: pengurus.map(\.jabatan))
            }
            let perluDesa = tingkat == .desa && (status == .disahkanDesa || status == .aktif)
            if perluDesa, skDesa == nil { galat.append("KIM desa berstatus \(status.rawValue) memerlukan SK desa.") }
            if status == .aktif, skKec == nil { galat.append("KIM berstatus aktif memerlukan SK kecamatan.") }
            if status == .disahkanDesa, tingkat == .kecamatan { galat.append("KIM kecamatan tidak melalui pengesahan desa.") }
        }
        if tingkat == .kecamatan, skDesa != nil { galat.append("KIM kecamatan tidak memiliki SK desa.") }

        guard galat.isEmpty, let tingkat, let kode, let data, let status else { return (galat, nil) }
        return ([], Kim(tingkat: tingkat, wilayah: kode, data: data, status: status, skDesa: skDesa,
                        skKecamatan: skKec, pengurus: pengurus))
    }

    /// The lifecycle steps an imported KIM is recorded as having passed, each on its day.
    public static func langkah(_ k: Kim) -> [(ke: StatusKim, tanggal: Tanggal?)] {
        var l: [(StatusKim, Tanggal?)] = []
        if k.status != .draf { l.append((.diajukan, k.data.tanggalPembentukan)) }
        if k.status == .disahkanDesa || (k.status == .aktif && k.tingkat == .desa) { l.append((.disahkanDesa, k.skDesa?.tanggal)) }
        if k.status == .aktif { l += [(.disahkanKecamatan, k.skKecamatan?.tanggal), (.aktif, k.skKecamatan?.tanggal)] }
        return l
    }
}
