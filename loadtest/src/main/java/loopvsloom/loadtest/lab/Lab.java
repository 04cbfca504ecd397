package loopvsloom.loadtest.lab;

/**
 * One workshop lab (docs/workshop/NN-slug/README.md): what it starts and runs, what it expects, and the check of its
 * exercise. A new lab is a class listed in {@link Labs} and a folder with its README.
 */
public interface Lab {

    /**
     * What names a lab: its number, its folder's name after the number, its title, the idea in one line (for ./demo
     * lab list), and the file a participant edits in its exercise, relative to the repository.
     */
    record Info(int number, String slug, String title, String idea, String exercise) {
    }

    Info info();

    /** The lab itself, in full or in its quick form. */
    LabPlan plan(LabPlan.Mode mode);

    /** The exercise's check: it holds only once the participant's code (or the reference solution) does the job. */
    LabPlan check();

    default int number() {
        return info().number();
    }

    default String slug() {
        return info().slug();
    }

    default String title() {
        return info().title();
    }

    default String idea() {
        return info().idea();
    }

    default String exercise() {
        return info().exercise();
    }

    default String folder() {
        return String.format("%02d-%s", number(), slug());
    }
}
