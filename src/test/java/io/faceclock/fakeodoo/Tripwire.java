package io.faceclock.fakeodoo;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** Sent serialised by hostile modes: if a client ever deserialises it, {@link #TRIGGERED} says so. */
public final class Tripwire implements Serializable {

    private static final long serialVersionUID = 1L;
    public static volatile boolean TRIGGERED;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        TRIGGERED = true;
    }
}
