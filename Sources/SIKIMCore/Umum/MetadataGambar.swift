/// Removes what a photo says about its maker before it is stored: a phone's GPS position is
/// often the reporter's home, which would defeat `rahasia`. Kept is only what shows the
/// picture right: the image data, the colour profile, and a JPEG's orientation.
///
/// - JPEG: every APPn segment goes except APP0 JFIF/JFXX, APP2 ICC_PROFILE and APP14 Adobe (the
///   colour transform); comments go; EXIF is replaced by one carrying only the orientation when
///   it was not upright; anything after the end-of-image marker (previews, maker trailers) goes.
/// - PNG: ancillary chunks other than those that draw the image (transparency, gamma, colour
///   space, profile, pixel size, background, animation) go, text, EXIF and time among them.
/// - WebP: the EXIF and XMP chunks go and the extended header's flags say so.
public enum MetadataGambar {
    public struct Rusak: Error, Equatable, Sendable {}

    public static func bersihkan(_ b: [UInt8], jenis: JenisBerkas) throws(Rusak) -> [UInt8] {
        switch jenis {
        case .jpeg: try jpeg(b)
        case .png: try png(b)
        case .webp: try webp(b)
        case .pdf: b
        }
    }

    // MARK: JPEG

    private static func jpeg(_ b: [UInt8]) throws(Rusak) -> [UInt8] {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { throw Rusak() }
        var keluar: [UInt8] = [0xFF, 0xD8]
        keluar.reserveCapacity(b.count)
        var i = 2
        var orientasi: UInt16?
        var orientasiDitulis = false
        while true {
            // A marker, possibly after fill bytes.
            guard i < b.count, b[i] == 0xFF else { throw Rusak() }
            while i < b.count, b[i] == 0xFF { i += 1 }
            guard i < b.count else { throw Rusak() }
            let penanda = b[i]
            i += 1
            if penanda == 0xD9 { keluar += [0xFF, 0xD9]; return keluar }
            if penanda == 0x01 || (0xD0...0xD7).contains(penanda) { keluar += [0xFF, penanda]; continue }
            guard i + 2 <= b.count else { throw Rusak() }
            let panjang = Int(b[i]) << 8 | Int(b[i + 1])
            guard panjang >= 2, i + panjang <= b.count else { throw Rusak() }
            let isi = b[(i + 2)..<(i + panjang)]
            let segmen = b[(i - 2)..<(i + panjang)]
            i += panjang
            switch penanda {
            case 0xE1:
                if isi.starts(with: Array("Exif\0\0".utf8)) { orientasi = orientasiExif(Array(isi.dropFirst(6))) ?? orientasi }
                continue
            case 0xE0 where isi.starts(with: Array("JFIF\0".utf8)) || isi.starts(with: Array("JFXX\0".utf8)),
                 0xE2 where isi.starts(with: Array("ICC_PROFILE\0".utf8)),
                 0xEE where isi.starts(with: Array("Adobe".utf8)):
                keluar += segmen
            case 0xE0...0xEF, 0xFE:
                continue
            default:
                // The first frame or table segment: the orientation goes before it, after JFIF.
                if let o = orientasi, o != 1, !orientasiDitulis {
                    keluar += segmenOrientasi(o)
                    orientasiDitulis = true
                }
                keluar += segmen
            }
            if penanda == 0xDA {
                // Entropy-coded data runs to the next marker that is not stuffing or a restart.
                let awal = i
                while i + 1 < b.count, !(b[i] == 0xFF && b[i + 1] != 0x00 && !(0xD0...0xD7).contains(b[i + 1])) { i += 1 }
                guard i + 1 < b.count else { throw Rusak() }
                keluar += b[awal..<i]
            }
        }
    }

    /// The Orientation tag (0x0112) of IFD0 in a TIFF structure, if present.
    private static func orientasiExif(_ t: [UInt8]) -> UInt16? {
        guard t.count >= 8 else { return nil }
        let kecil: Bool
        switch (t[0], t[1]) {
        case (0x49, 0x49): kecil = true
        case (0x4D, 0x4D): kecil = false
        default: return nil
        }
        func u16(_ p: Int) -> Int? {
            guard p >= 0, p + 2 <= t.count else { return nil }
            return kecil ? Int(t[p]) | Int(t[p + 1]) << 8 : Int(t[p]) << 8 | Int(t[p + 1])
        }
        func u32(_ p: Int) -> Int? {
            guard let a = u16(p), let b = u16(p + 2) else { return nil }
            return kecil ? a | b << 16 : a << 16 | b
        }
        guard let ifd = u32(4), let n = u16(ifd) else { return nil }
        for k in 0..<n {
            let e = ifd + 2 + k * 12
            guard let tag = u16(e) else { return nil }
            if tag == 0x0112, let jenis = u16(e + 2), jenis == 3, let nilai = u16(e + 8), (1...8).contains(nilai) {
                return UInt16(nilai)
            }
        }
        return nil
    }

    /// An APP1 EXIF segment holding only IFD0 with the Orientation tag (big-endian TIFF).
    public static func segmenOrientasi(_ o: UInt16) -> [UInt8] {
        let tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8,  // header, IFD0 at 8
                             0, 1,                                 // one entry
                             0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(o >> 8), UInt8(o & 0xFF), 0, 0,
                             0, 0, 0, 0]                           // no next IFD
        let isi = Array("Exif\0\0".utf8) + tiff
        let panjang = isi.count + 2
        return [0xFF, 0xE1, UInt8(panjang >> 8), UInt8(panjang & 0xFF)] + isi
    }

    // MARK: PNG

    private static let tandaPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Ancillary chunks that change how the image is drawn.
    private static let bagianPNG: Set<String> = ["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST",
                                                 "sPLT", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi"]

    private static func png(_ b: [UInt8]) throws(Rusak) -> [UInt8] {
        guard b.starts(with: tandaPNG) else { throw Rusak() }
        var keluar = tandaPNG
        keluar.reserveCapacity(b.count)
        var i = 8
        while true {
            guard i + 12 <= b.count else { throw Rusak() }
            let panjang = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard panjang >= 0, i + 12 + panjang <= b.count else { throw Rusak() }
            let jenis = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let kritis = b[i + 4] & 0x20 == 0
            if kritis || bagianPNG.contains(jenis) { keluar += b[i..<(i + 12 + panjang)] }
            i += 12 + panjang
            if jenis == "IEND" { return keluar }
        }
    }

    // MARK: WebP

    private static func webp(_ b: [UInt8]) throws(Rusak) -> [UInt8] {
        guard b.count >= 12 else { throw Rusak() }
        var keluar = Array(b[0..<12])
        var i = 12
        let akhir = min(b.count, 8 + (Int(b[4]) | Int(b[5]) << 8 | Int(b[6]) << 16 | Int(b[7]) << 24))
        var vp8x: Int?
        while i + 8 <= akhir {
            let jenis = String(decoding: b[i..<(i + 4)], as: UTF8.self)
            let panjang = Int(b[i + 4]) | Int(b[i + 5]) << 8 | Int(b[i + 6]) << 16 | Int(b[i + 7]) << 24
            let ujung = i + 8 + panjang + (panjang & 1)
            guard ujung <= akhir || i + 8 + panjang == akhir else { throw Rusak() }
            if jenis != "EXIF", jenis != "XMP " {
                if jenis == "VP8X" { vp8x = keluar.count + 8 }
                keluar += b[i..<min(ujung, akhir)]
            }
            i = ujung
        }
        guard keluar.count > 12 else { throw Rusak() }
        if let f = vp8x, f < keluar.count { keluar[f] &= ~(0x08 | 0x04) }
        let ukuran = keluar.count - 8
        (keluar[4], keluar[5], keluar[6], keluar[7]) = (UInt8(ukuran & 0xFF), UInt8(ukuran >> 8 & 0xFF), UInt8(ukuran >> 16 & 0xFF), UInt8(ukuran >> 24 & 0xFF))
        return keluar
    }
}
