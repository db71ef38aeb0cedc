/// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes.
public enum CSV {
    public enum Kesalahan: Error, Equatable {
        case kutipTidakDitutup(baris: Int)
    }

    public static func baca(_ teks: String) throws(Kesalahan) -> [[String]] {
        var hasil: [[String]] = [], baris: [String] = [], sel = ""
        var dalamKutip = false, nomor = 1
        var i = teks.unicodeScalars.makeIterator()
        var sebelumnya: Unicode.Scalar?
        func tutupBaris() {
            baris.append(sel)
            if !(baris.count == 1 && baris[0].isEmpty) { hasil.append(baris) }
            baris = []; sel = ""
        }
        while let c = sebelumnya ?? i.next() {
            sebelumnya = nil
            if dalamKutip {
                if c == "\"" {
                    if let n = i.next() {
                        if n == "\"" { sel.unicodeScalars.append("\"") } else { dalamKutip = false; sebelumnya = n }
                    } else { dalamKutip = false }
                } else {
                    if c == "\n" { nomor += 1 }
                    sel.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where sel.isEmpty: dalamKutip = true
            case ",": baris.append(sel); sel = ""
            case "\r": continue
            case "\n": tutupBaris(); nomor += 1
            default: sel.unicodeScalars.append(c)
            }
        }
        if dalamKutip { throw .kutipTidakDitutup(baris: nomor) }
        if !sel.isEmpty || !baris.isEmpty { tutupBaris() }
        return hasil
    }

    /// Writes rows; a cell that a spreadsheet would run as a formula (=, +, -, @) is
    /// prefixed with an apostrophe so exported data can never execute.
    public static func tulis(_ baris: [[String]]) -> String {
        baris.map { $0.map(sel).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func sel(_ s: String) -> String {
        var t = s
        if let awal = t.first, "=+-@\t".contains(awal) { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
