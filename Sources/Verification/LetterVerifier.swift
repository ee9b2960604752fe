import GrantAllocation

/// Re-checks the decision letters against the settlement they were written from: every payment
/// is in exactly one letter, the letter of its recipient; what a letter says per scheme is what
/// that recipient is paid from it; and every total row of a letter's tables adds up (whatever the
/// secretariat's template keeps of them).
public struct LetterVerifier {
  /// One letter as the verifier reads it.
  public struct Letter: Sendable {
    public var recipient: Recipient
    public var payments: [Settlement.Payment]
    /// What the letter says each scheme pays the recipient.
    public var schemeAmounts: [SchemeID: Int]
    /// The letter as rendered (Markdown).
    public var markdown: String
    /// Texts the rendered letter must hold (the amounts as written, where the template is dekom's
    /// own; a secretariat's template may word them as it likes).
    public var requiredTexts: [String]

    public init(
      recipient: Recipient, payments: [Settlement.Payment], schemeAmounts: [SchemeID: Int], markdown: String, requiredTexts: [String] = []
    ) {
      self.recipient = recipient
      self.payments = payments
      self.schemeAmounts = schemeAmounts
      self.markdown = markdown
      self.requiredTexts = requiredTexts
    }
  }

  public let settlement: Settlement
  public let letters: [Letter]

  public init(settlement: Settlement, letters: [Letter]) {
    self.settlement = settlement
    self.letters = letters
  }

  public func violations() -> [Violation] {
    var found: [Violation] = []
    var recipients: Set<Recipient> = []
    for letter in letters {
      if !recipients.insert(letter.recipient).inserted {
        found.append(Violation(.payments, "\(letter.recipient) has more than one letter"))
      }
      let expected = settlement.payments.filter { $0.recipient == letter.recipient }
      if letter.payments != expected {
        found.append(Violation(.payments, "the letter to \(letter.recipient) lists other payments than the settlement pays it"))
      }
      var paid: [SchemeID: Int] = [:]
      for payment in expected { paid[payment.scheme, default: 0] += payment.amount }
      if letter.schemeAmounts != paid {
        found.append(Violation(.payments, "the letter to \(letter.recipient) says \(letter.schemeAmounts) per scheme; it is paid \(paid)"))
      }
      for text in letter.requiredTexts where !letter.markdown.contains(text) {
        found.append(Violation(.payments, "the letter to \(letter.recipient) does not say \(text)"))
      }
      for violation in ReportTotalsVerifier(markdown: letter.markdown).violations() {
        found.append(Violation(violation.rule, "the letter to \(letter.recipient): \(violation.message)"))
      }
    }
    let unlettered = Set(settlement.payments.map(\.recipient)).subtracting(recipients)
    for recipient in unlettered.sorted() { found.append(Violation(.payments, "\(recipient) is paid but has no letter")) }
    return found
  }
}
