package org.cimforge.runtime.server.dispatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** Several provider streams read one after the other through their spliterators (no buffering). */
final class InstanceSource implements Iterator<CIMInstance>, AutoCloseable {
    private final List<Stream<CIMInstance>> streams;
    private final List<Iterator<CIMInstance>> iterators = new ArrayList<>();
    private final Function<CIMInstance, CIMInstance> finish;
    private final long size;
    private int index;

    InstanceSource(List<Stream<CIMInstance>> streams, Function<CIMInstance, CIMInstance> finish) {
        this.streams = streams;
        this.finish = finish;
        long total = 0;
        for (Stream<CIMInstance> s : streams) {
            Spliterator<CIMInstance> split = s.spliterator();
            long n = split.getExactSizeIfKnown();
            total = total < 0 || n < 0 ? -1 : total + n;
            iterators.add(Spliterators.iterator(split));
        }
        this.size = total;
    }

    /** The number of instances, or -1 when a stream does not know its size. */
    long size() {
        return size;
    }

    @Override
    public boolean hasNext() {
        while (index < iterators.size()) {
            if (iterators.get(index).hasNext()) {
                return true;
            }
            index++;
        }
        return false;
    }

    @Override
    public CIMInstance next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CIMInstance i = iterators.get(index).next();
        if (i == null) {
            throw new IllegalStateException("a provider streamed a null instance");
        }
        return finish.apply(i);
    }

    @Override
    public void close() {
        streams.forEach(Stream::close);
    }
}
