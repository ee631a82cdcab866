/* The scenario reader's inner loop in C: libyaml events -> positioned plain data.
 *
 * game/engine/yamlsafe.py holds the reference implementation of the same loop in Python, and the rules
 * (what is typed how, what is refused); this file only makes it fast. Going through PyYAML's Python-level
 * event objects costs about 2 microseconds an event, which for a 10,000-node scenario is over a second;
 * here the events never become Python objects. The two must produce identical results, and
 * tests/test_yaml_readers.py checks that they do on every fixture, every scenario and generated input.
 *
 * build(text, allowed_tags, keywords, type_plain, max_depth, max_values)
 *   -> (root, collections, index, marks, duplicates, problem)
 * root: the data, plain dicts and lists (None for an empty stream or after a problem);
 * collections: every mapping and sequence, in the order they closed; index: packed ints, four per
 * collection (line, col, where its marks start in `marks`, how many); duplicates: [(key, line, col, first_line)];
 * problem: None, or one of
 *   ("anchor", line, col)        ("tag", tag, line, col)      ("documents", line, col)
 *   ("depth", line, col)         ("values", line, col)        ("key", line, col)
 *   ("syntax", problem, context, line, col)                   ("reader", offset, value, problem)
 * Lines and columns are 1-based, as everywhere in the project. `marks` packs the positions of the
 * collections' contents as native C ints, four per mapping entry (key line, key col, value line, value col,
 * in key order) and two per sequence item: a tuple per value was a third of the reading time and most of
 * its memory, and positions are only read when something is wrong (see yamlsafe.Positions). Nothing here
 * recurses: nesting is an explicit stack bounded by max_depth, so hostile input cannot exhaust the C stack.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>
#include <yaml.h>

#define STR_TAG "tag:yaml.org,2002:str"

/* A growable array of C ints: a collection's marks while it is open, and the document's index and marks. */
typedef struct {
    int *data;
    Py_ssize_t used, size;
} Ints;

static int ints_reserve(Ints *ints, Py_ssize_t n)
{
    if (ints->used + n > ints->size) {
        Py_ssize_t size = ints->size ? ints->size * 2 : 8;
        while (size < ints->used + n)
            size *= 2;
        int *grown = PyMem_Realloc(ints->data, (size_t)size * sizeof(int));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        ints->data = grown;
        ints->size = size;
    }
    return 0;
}

static int ints_add(Ints *ints, Py_ssize_t n, const long *values)
{
    if (ints_reserve(ints, n) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        ints->data[ints->used++] = (int)values[i];
    return 0;
}

static void ints_free(Ints *ints)
{
    PyMem_Free(ints->data);
    ints->data = NULL;
    ints->used = ints->size = 0;
}

static PyObject *ints_bytes(Ints *ints)
{
    return PyBytes_FromStringAndSize(ints->data ? (const char *)ints->data : "", ints->used * (Py_ssize_t)sizeof(int));
}

typedef struct {
    PyObject *container; /* owned */
    long line, col;      /* where it began */
    int is_map;
    PyObject *key; /* owned; NULL while a mapping waits for its next key */
    long key_line, key_col;
    Ints marks; /* the positions of what is in it so far */
} Frame;

static void frame_clear(Frame *frame)
{
    Py_CLEAR(frame->container);
    Py_CLEAR(frame->key);
    ints_free(&frame->marks);
}

/* The collection is complete: list it, and move its marks to the document's. */
static int frame_finish(Frame *frame, PyObject *collections, Ints *index, Ints *marks)
{
    long entry[4] = {frame->line, frame->col, (long)marks->used, (long)frame->marks.used};
    if (PyList_Append(collections, frame->container) < 0 || ints_add(index, 4, entry) < 0)
        return -1;
    if (frame->marks.used == 0)
        return 0;
    if (ints_reserve(marks, frame->marks.used) < 0)
        return -1;
    memcpy(marks->data + marks->used, frame->marks.data, (size_t)frame->marks.used * sizeof(int));
    marks->used += frame->marks.used;
    return 0;
}

/* The line of the first of two equal keys: its place in the mapping's order indexes the marks. */
static PyObject *first_line(Frame *frame, PyObject *key)
{
    Py_ssize_t pos = 0, index = 0;
    PyObject *k, *v;
    while (PyDict_Next(frame->container, &pos, &k, &v)) {
        int same = PyObject_RichCompareBool(k, key, Py_EQ);
        if (same < 0)
            return NULL;
        if (same)
            return PyLong_FromLong(frame->marks.data[4 * index]);
        index++;
    }
    return PyLong_FromLong(0);
}

static PyObject *problem_at(const char *kind, const yaml_mark_t *mark)
{
    return Py_BuildValue("(snn)", kind, (Py_ssize_t)mark->line + 1, (Py_ssize_t)mark->column + 1);
}

static PyObject *parser_problem(yaml_parser_t *parser)
{
    if (parser->error == YAML_MEMORY_ERROR)
        return PyErr_NoMemory();
    if (parser->error == YAML_READER_ERROR)
        return Py_BuildValue("(snis)", "reader", (Py_ssize_t)parser->problem_offset, parser->problem_value,
                             parser->problem ? parser->problem : "invalid input");
    return Py_BuildValue("(sssnn)", "syntax", parser->problem ? parser->problem : "invalid YAML",
                         parser->context, (Py_ssize_t)parser->problem_mark.line + 1,
                         (Py_ssize_t)parser->problem_mark.column + 1);
}

/* The same short plain words come back again and again (keys such as 'text' and 'goto', speakers, small
 * numbers): a small table keyed by the bytes hands back the value already decoded, typed and hashed. */
#define CACHE_SLOTS 1024
#define CACHE_TEXT 32

typedef struct {
    Py_ssize_t length;
    char text[CACHE_TEXT];
    PyObject *value; /* owned */
} CacheSlot;

static CacheSlot *cache_slot(CacheSlot *cache, const char *text, Py_ssize_t length)
{
    size_t hash = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < length; i++) {
        hash ^= (unsigned char)text[i];
        hash *= 1099511628211ULL;
    }
    return &cache[hash % CACHE_SLOTS];
}

/* A scalar as the Python reader types it: plain untagged text by the YAML 1.1 rules (numbers through a
 * per-call cache, words such as 'yes' or 'null' by one lookup); a core tag other than str by type_plain. */
static PyObject *typed_scalar(yaml_event_t *event, PyObject *allowed, PyObject *keywords, PyObject *type_plain,
                              PyObject *numbers, PyObject **problem)
{
    const char *text = (const char *)event->data.scalar.value;
    Py_ssize_t length = (Py_ssize_t)event->data.scalar.length;
    PyObject *value = PyUnicode_DecodeUTF8(text, length, "strict");
    if (value == NULL)
        return NULL;
    const char *tag = (const char *)event->data.scalar.tag;
    if (tag == NULL) {
        if (event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
            return value;
        PyObject *typed;
        if (length > 0 && text[0] != '\0' && strchr("0123456789+-.", text[0]) != NULL) {
            typed = PyDict_GetItemWithError(numbers, value);
            if (typed == NULL) {
                if (PyErr_Occurred())
                    goto fail;
                typed = PyObject_CallOneArg(type_plain, value);
                if (typed == NULL || PyDict_SetItem(numbers, value, typed) < 0) {
                    Py_XDECREF(typed);
                    goto fail;
                }
                Py_DECREF(typed);
            }
        } else {
            typed = PyDict_GetItemWithError(keywords, value);
            if (typed == NULL) {
                if (PyErr_Occurred())
                    goto fail;
                return value;
            }
        }
        Py_INCREF(typed);
        Py_DECREF(value);
        return typed;
    }
    PyObject *tag_object = PyUnicode_FromString(tag);
    if (tag_object == NULL)
        goto fail;
    int ok = PySet_Contains(allowed, tag_object);
    if (ok < 0) {
        Py_DECREF(tag_object);
        goto fail;
    }
    if (!ok) {
        *problem = Py_BuildValue("(sOnn)", "tag", tag_object, (Py_ssize_t)event->start_mark.line + 1,
                                 (Py_ssize_t)event->start_mark.column + 1);
        Py_DECREF(tag_object);
        Py_DECREF(value);
        return NULL;
    }
    Py_DECREF(tag_object);
    if (strcmp(tag, "!") != 0 && strcmp(tag, STR_TAG) != 0) { /* !!int, !!bool...: typed as written */
        PyObject *typed = PyObject_CallOneArg(type_plain, value);
        Py_DECREF(value);
        return typed;
    }
    return value;
fail:
    Py_DECREF(value);
    return NULL;
}

static PyObject *scalar_value(yaml_event_t *event, PyObject *allowed, PyObject *keywords, PyObject *type_plain,
                              PyObject *numbers, CacheSlot *cache, PyObject **problem)
{
    const char *text = (const char *)event->data.scalar.value;
    Py_ssize_t length = (Py_ssize_t)event->data.scalar.length;
    CacheSlot *slot = NULL;
    if (event->data.scalar.tag == NULL && event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
        length <= CACHE_TEXT) {
        slot = cache_slot(cache, text, length);
        if (slot->value != NULL && slot->length == length && memcmp(slot->text, text, (size_t)length) == 0)
            return Py_NewRef(slot->value);
    }
    PyObject *value = typed_scalar(event, allowed, keywords, type_plain, numbers, problem);
    if (value != NULL && slot != NULL) {
        Py_XSETREF(slot->value, Py_NewRef(value));
        slot->length = length;
        memcpy(slot->text, text, (size_t)length);
    }
    return value;
}

static PyObject *build(PyObject *self, PyObject *args)
{
    PyObject *text, *allowed, *keywords, *type_plain;
    Py_ssize_t max_depth, max_values;
    (void)self;
    if (!PyArg_ParseTuple(args, "UO!O!Onn", &text, &PyFrozenSet_Type, &allowed, &PyDict_Type, &keywords, &type_plain,
                          &max_depth, &max_values))
        return NULL;
    if (max_depth < 1 || max_values < 1) {
        PyErr_SetString(PyExc_ValueError, "max_depth and max_values must be positive");
        return NULL;
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL)
        return NULL;

    /* stack[0] is the document level (no container); stack[1..depth] the open collections */
    Frame *stack = PyMem_Calloc((size_t)max_depth + 1, sizeof(Frame));
    CacheSlot *cache = PyMem_Calloc(CACHE_SLOTS, sizeof(CacheSlot));
    if (stack == NULL || cache == NULL) {
        PyMem_Free(stack);
        PyMem_Free(cache);
        return PyErr_NoMemory();
    }
    Py_ssize_t depth = 0;
    PyObject *root = Py_NewRef(Py_None), *duplicates = PyList_New(0), *numbers = PyDict_New();
    PyObject *collections = PyList_New(0);
    Ints index = {NULL, 0, 0}, marks = {NULL, 0, 0};
    PyObject *problem = NULL, *result = NULL;
    Py_ssize_t count = 0;
    int documents = 0, done = 0, failed = 0;
    yaml_parser_t parser;
    yaml_event_t event;

    if (duplicates == NULL || numbers == NULL || collections == NULL || !yaml_parser_initialize(&parser)) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        Py_XDECREF(collections);
        Py_XDECREF(duplicates);
        Py_XDECREF(numbers);
        Py_DECREF(root);
        PyMem_Free(stack);
        PyMem_Free(cache);
        return NULL;
    }
    /* No yaml_parser_set_encoding: libyaml then finds UTF-8 itself and skips a byte order mark, as
     * PyYAML's parser does for the Python reader. */
    yaml_parser_set_input_string(&parser, (const unsigned char *)utf8, (size_t)size);

    while (!done && !failed && problem == NULL) {
        if (!yaml_parser_parse(&parser, &event)) {
            problem = parser_problem(&parser);
            if (problem == NULL)
                failed = 1;
            break;
        }
        Frame *top = &stack[depth];
        PyObject *value = NULL;
        int is_scalar = 0, is_map = 0;
        switch (event.type) {
        case YAML_SCALAR_EVENT:
            if (event.data.scalar.anchor != NULL) {
                problem = problem_at("anchor", &event.start_mark);
                break;
            }
            value = scalar_value(&event, allowed, keywords, type_plain, numbers, cache, &problem);
            if (value == NULL && problem == NULL)
                failed = 1;
            is_scalar = 1;
            break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT: {
            is_map = event.type == YAML_MAPPING_START_EVENT;
            yaml_char_t *anchor = is_map ? event.data.mapping_start.anchor : event.data.sequence_start.anchor;
            yaml_char_t *tag = is_map ? event.data.mapping_start.tag : event.data.sequence_start.tag;
            if (anchor != NULL) {
                problem = problem_at("anchor", &event.start_mark);
                break;
            }
            if (tag != NULL) {
                PyObject *tag_object = PyUnicode_FromString((const char *)tag);
                int ok = tag_object == NULL ? -1 : PySet_Contains(allowed, tag_object);
                if (ok == 0)
                    problem = Py_BuildValue("(sOnn)", "tag", tag_object, (Py_ssize_t)event.start_mark.line + 1,
                                            (Py_ssize_t)event.start_mark.column + 1);
                Py_XDECREF(tag_object);
                if (ok < 0)
                    failed = 1;
                if (ok <= 0)
                    break;
            }
            value = is_map ? PyDict_New() : PyList_New(0);
            if (value == NULL)
                failed = 1;
            break;
        }
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            if (frame_finish(top, collections, &index, &marks) < 0)
                failed = 1;
            frame_clear(top);
            depth--;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
                problem = problem_at("documents", &event.start_mark);
            break;
        case YAML_ALIAS_EVENT:
            problem = problem_at("anchor", &event.start_mark);
            break;
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        default: /* stream start, document end */
            break;
        }
        if (value == NULL) { /* nothing to place: an event without a value, a problem or an error */
            yaml_event_delete(&event);
            continue;
        }

        long line = (long)event.start_mark.line + 1, col = (long)event.start_mark.column + 1;
        if (++count > max_values) {
            problem = problem_at("values", &event.start_mark);
        } else if (top->is_map && top->key == NULL) {
            if (!is_scalar) {
                problem = problem_at("key", &event.start_mark);
            } else {
                int seen = PyDict_Contains(top->container, value);
                if (seen < 0) {
                    failed = 1;
                } else if (seen) {
                    PyObject *first = first_line(top, value);
                    PyObject *entry = first == NULL ? NULL : Py_BuildValue("(OllO)", value, line, col, first);
                    if (entry == NULL || PyList_Append(duplicates, entry) < 0)
                        failed = 1;
                    Py_XDECREF(entry);
                    Py_XDECREF(first);
                }
                top->key = value; /* the frame takes our reference */
                top->key_line = line;
                top->key_col = col;
                value = NULL;
            }
        } else if (top->is_map) {
            /* One lookup: SetDefault inserts unless the key is there; on a duplicate it keeps the first, as
             * the diagnostic says. Whether it inserted shows in the size (values may be shared objects). */
            Py_ssize_t before = PyDict_GET_SIZE(top->container);
            if (PyDict_SetDefault(top->container, top->key, value) == NULL) {
                failed = 1;
            } else if (PyDict_GET_SIZE(top->container) > before) {
                long at[4] = {top->key_line, top->key_col, line, col};
                if (ints_add(&top->marks, 4, at) < 0)
                    failed = 1;
            }
            Py_CLEAR(top->key);
        } else if (top->container != NULL) {
            long at[2] = {line, col};
            if (PyList_Append(top->container, value) < 0 || ints_add(&top->marks, 2, at) < 0)
                failed = 1;
        } else {
            Py_SETREF(root, Py_NewRef(value));
        }
        if (value != NULL && !is_scalar && !failed && problem == NULL) {
            if (depth >= max_depth) {
                problem = problem_at("depth", &event.start_mark);
            } else {
                Frame *frame = &stack[++depth];
                frame->container = Py_NewRef(value);
                frame->line = line;
                frame->col = col;
                frame->is_map = is_map;
            }
        }
        Py_XDECREF(value);
        yaml_event_delete(&event);
    }

    for (Py_ssize_t i = 0; i <= depth; i++)
        frame_clear(&stack[i]);
    yaml_parser_delete(&parser);
    PyMem_Free(stack);
    for (Py_ssize_t i = 0; i < CACHE_SLOTS; i++)
        Py_XDECREF(cache[i].value);
    PyMem_Free(cache);
    Py_DECREF(numbers);
    if (!failed) {
        if (problem != NULL) { /* as in Python: after a problem there is no data */
            Py_SETREF(root, Py_NewRef(Py_None));
            Py_SETREF(collections, PyList_New(0));
            index.used = marks.used = 0;
        }
        PyObject *index_bytes = ints_bytes(&index), *marks_bytes = ints_bytes(&marks);
        if (collections != NULL && index_bytes != NULL && marks_bytes != NULL)
            result = Py_BuildValue("(OOOOOO)", root, collections, index_bytes, marks_bytes, duplicates,
                                   problem ? problem : Py_None);
        Py_XDECREF(index_bytes);
        Py_XDECREF(marks_bytes);
    }
    ints_free(&index);
    ints_free(&marks);
    Py_XDECREF(collections);
    Py_DECREF(root);
    Py_DECREF(duplicates);
    Py_XDECREF(problem);
    return result;
}

static PyMethodDef methods[] = {
    {"build", build, METH_VARARGS, "Positioned plain data from YAML text (see the module's source)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "crossing_paths_yaml",
    "libyaml events to positioned plain data, for game.engine.yamlsafe.", -1, methods, NULL, NULL, NULL, NULL,
};

/* What build() takes and returns. game/engine/yamlsafe.py uses this module only when the numbers match, so
 * a stale build left installed after an update falls back to the Python reader instead of failing. */
#define API_VERSION 1

PyMODINIT_FUNC PyInit_crossing_paths_yaml(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "API_VERSION", API_VERSION) < 0)
        Py_CLEAR(m);
    return m;
}
