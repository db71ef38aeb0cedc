/// Numbers as Indonesian readers write them: "29.141" (issue 19).
public enum Angka {
    /// Thousands grouped with a dot.
    public static func ribuan(_ n: Int) -> String {
        let digit = String(n.magnitude)
        var hasil = ""
        for (i, c) in digit.enumerated() {
            if i > 0, (digit.count - i) % 3 == 0 { hasil.append(".") }
            hasil.append(c)
        }
        return n < 0 ? "-" + hasil : hasil
    }

    /// A decimal with a comma and `digit` places, thousands grouped: "1,0", "1.234,5".
    public static func desimal(_ x: Double, digit: Int = 1) -> String {
        guard x.isFinite else { return "—" }
        var skala = 1.0
        for _ in 0..<digit { skala *= 10 }
        let bulat = Int((x.magnitude * skala).rounded())
        let depan = ribuan(bulat / Int(skala)), belakang = String(bulat % Int(skala))
        let teks = digit == 0 ? depan : depan + "," + String(repeating: "0", count: digit - belakang.count) + belakang
        return x < 0 && bulat != 0 ? "-" + teks : teks
    }
}
