package dk.jobbro.taxonomy;

/** An ISCO-08 group (major, sub-major, minor or unit: 1 to 4 digits), with its ESCO URI when imported. */
public record IscoGroup(String code, String escoUri, String labelDa, String labelEn) {

    public IscoGroup {
        labelDa = labelDa.isBlank() ? labelEn : labelDa;
        labelEn = labelEn.isBlank() ? labelDa : labelEn;
    }
}
