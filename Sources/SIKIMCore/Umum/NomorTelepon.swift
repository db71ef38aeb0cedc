/// Indonesian phone numbers, stored normalised as +62…: "0812-3456-7890" → "+6281234567890".
public enum NomorTelepon {
    /// - Parameter seluler: only mobile numbers (8…) are accepted, as for a pengurus's HP.
    public static func normalisasi(_ masukan: String, seluler: Bool = true, bidang: String = "nomor_hp") throws(KesalahanIsian) -> String {
        let bersih = masukan.filter { !" -.()".contains($0) }
        var inti: Substring
        if bersih.hasPrefix("+62") { inti = bersih.dropFirst(3) }
        else if bersih.hasPrefix("62") { inti = bersih.dropFirst(2) }
        else if bersih.hasPrefix("0") { inti = bersih.dropFirst(1) }
        else { throw KesalahanIsian(bidang, "Nomor telepon harus diawali 0, 62 atau +62, misalnya 0812-3456-7890.") }
        guard !inti.isEmpty, inti.allSatisfy({ $0.isASCII && $0.isNumber }), inti.first != "0" else {
            throw KesalahanIsian(bidang, "Nomor telepon hanya boleh berisi angka, misalnya 0812-3456-7890.")
        }
        if seluler {
            guard inti.first == "8", (9...12).contains(inti.count) else {
                throw KesalahanIsian(bidang, "Nomor HP tidak valid: nomor seluler diawali 08 dan terdiri dari 10–13 angka.")
            }
        } else {
            guard (8...12).contains(inti.count) else {
                throw KesalahanIsian(bidang, "Nomor telepon tidak valid: 9–13 angka termasuk awalan 0.")
            }
        }
        return "+62" + inti
    }

    /// For display: "+6281234567890" → "0812-3456-7890".
    public static func tampil(_ n: String) -> String {
        guard n.hasPrefix("+62") else { return n }
        let angka = Array("0" + n.dropFirst(3))
        var potong: [String] = []
        var i = 0
        for ukuran in [4, 4] where i + ukuran < angka.count {
            potong.append(String(angka[i..<(i + ukuran)]))
            i += ukuran
        }
        potong.append(String(angka[i...]))
        return potong.joined(separator: "-")
    }
}
