/// The fields of a structure's completion form (`/structures/{id}`), as the form sends them.
enum StructureFormField: String, FormField {
    case nom, type, courriel, telephone, communes
}
