/// `frais_a_charge`: what the person pays.
public enum Fee: String, StandardVocabulary {
    case gratuit = "Gratuit"
    case gratuitSousCondition = "Gratuit sous condition"
    case payant = "Payant"

    public static let column = StandardColumn.fraisACharge
}
