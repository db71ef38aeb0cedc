/// File types accepted for uploads, recognised from their first bytes, never from the name.
public enum JenisBerkas: String, CaseIterable, Sendable {
    case pdf, jpeg, png, webp

    /// Scanned documents; photos add WebP.
    public static let dokumen: Set<JenisBerkas> = [.pdf, .jpeg, .png]
    public static let foto: Set<JenisBerkas> = [.jpeg, .png, .webp]

    public var mime: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        }
    }

    public var ekstensi: String { self == .jpeg ? "jpg" : rawValue }

    public static let ukuranMaksimum = 5 * 1024 * 1024

    public static func kenali<C: Collection>(_ awal: C) -> JenisBerkas? where C.Element == UInt8 {
        let b = Array(awal.prefix(8))
        if b.starts(with: [0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }          // %PDF-
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        let dua = Array(awal.prefix(12))
        if dua.count == 12, dua.starts(with: [0x52, 0x49, 0x46, 0x46]), Array(dua[8..<12]) == [0x57, 0x45, 0x42, 0x50] { return .webp }
        return nil
    }

    /// A camera photo is often larger than the limit. Without JavaScript the server cannot make
    /// it smaller (no image codec here: issue 20), so the message says how to (DOMAIN "Inputs").
    public static func terlaluBesarFoto(_ ukuran: Int) -> String {
        "berukuran \(Angka.desimal(Double(ukuran) / 1_048_576)) MB, lebih dari batas 5 MB per foto. Perkecil dulu: "
            + "di Galeri ponsel pilih Edit lalu Ubah ukuran, atau kirim foto itu lewat WhatsApp ke nomor sendiri lalu simpan "
            + "(WhatsApp memperkecilnya). Di Chrome dengan JavaScript menyala, SIKIM memperkecil foto sendiri sebelum dikirim."
    }

    /// Checks an upload: one of the accepted types and at most 5 MB.
    public static func periksa<C: Collection>(_ isi: C, bidang: String = "berkas",
                                              terima: Set<JenisBerkas> = dokumen) throws(KesalahanIsian) -> JenisBerkas where C.Element == UInt8 {
        guard !isi.isEmpty else { throw KesalahanIsian(bidang, "Berkas kosong atau belum dipilih.") }
        guard isi.count <= ukuranMaksimum else {
            throw KesalahanIsian(bidang, terima.isSubset(of: foto) ? terlaluBesarFoto(isi.count) : "Berkas terlalu besar: maksimal 5 MB.")
        }
        guard let j = kenali(isi), terima.contains(j) else {
            let daftar = allCases.filter(terima.contains).map { $0 == .jpeg ? "JPEG" : $0.rawValue.uppercased() }
            throw KesalahanIsian(bidang, "Jenis berkas tidak diterima: unggah \(daftar.dropLast().joined(separator: ", ")) atau \(daftar.last!).")
        }
        return j
    }
}
