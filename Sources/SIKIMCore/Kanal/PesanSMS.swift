import Foundation

/// SMS lengths: 160 GSM-7 characters in one message, 153 in each part of a longer one (the rest
/// carries the part header); 70 and 67 when a character outside GSM-7 forces UCS-2. Replies are
/// written to fit one message; a longer one is split at word boundaries, each part numbered.
public enum PesanSMS {
    static let dasar = Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    /// Characters that cost two septets (escape + code).
    static let perluasan = Set("^{}\\[~]|€")
    /// Typography that phones' GSM-7 lacks, written as what it looks like.
    static let pengganti: [Character: String] = [
        "–": "-", "—": "-", "·": "-", "•": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'", "…": "...", "\t": " ",
    ]

    /// The text as GSM-7 can carry it where it can.
    public static func sederhanakan(_ teks: String) -> String {
        String(teks.flatMap { pengganti[$0] ?? String($0) })
    }

    /// Septets it costs, or nil when a character needs UCS-2.
    public static func septet(_ teks: String) -> Int? {
        var n = 0
        for c in teks {
            if dasar.contains(c) { n += 1 } else if perluasan.contains(c) { n += 2 } else { return nil }
        }
        return n
    }

    /// The parts to send: one when it fits, else "(1/3) …" parts split between words.
    public static func bagi(_ teks: String) -> [String] {
        let t = sederhanakan(teks)
        let gsm = septet(t) != nil
        let (satu, per) = gsm ? (160, 153) : (70, 67)
        func panjang(_ s: String) -> Int { gsm ? septet(s) ?? s.count : s.utf16.count }
        if panjang(t) <= satu { return [t] }
        // "(nn/nn) " is at most 8 characters.
        let muat = per - 8
        var bagian: [String] = []
        var kini = ""
        for kata in t.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var kata = kata
            while panjang(kata) > muat {
                // a word longer than a part is cut
                if !kini.isEmpty { bagian.append(kini); kini = "" }
                var potong = ""
                for c in kata { if panjang(potong + String(c)) > muat { break }; potong.append(c) }
                bagian.append(potong)
                kata.removeFirst(potong.count)
            }
            let calon = kini.isEmpty ? kata : kini + " " + kata
            if panjang(calon) > muat { bagian.append(kini); kini = kata } else { kini = calon }
        }
        if !kini.isEmpty { bagian.append(kini) }
        return bagian.enumerated().map { "(\($0.offset + 1)/\(bagian.count)) \($0.element)" }
    }
}
