/* Output models made without validation: what pydantic's model_construct does, in C (output.py). */
#include "native.h"

/* ---- Maker: output models made without validation (output.py) ----------------------------------- */

/* Maker(cls, names, fields_set, (dict, fields_set, extra, private descriptors))(*values) makes an instance
 * the way pydantic's model_construct does, minus its per-field loop: __dict__ = dict(zip(names, values)),
 * __pydantic_fields_set__ = a copy of fields_set, no extra, no private attributes. */
typedef struct {
    PyObject_HEAD
    PyTypeObject *cls;
    PyObject *names, *fields_set, *d_dict, *d_fields, *d_extra, *d_private;
} Maker;

static PyObject *Maker_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
    PyObject *cls, *names, *fields_set, *descs;
    if (!PyArg_ParseTuple(args, "O!O!O!O!", &PyType_Type, &cls, &PyTuple_Type, &names, &PySet_Type, &fields_set,
                          &PyTuple_Type, &descs))
        return NULL;
    if (PyTuple_GET_SIZE(descs) != 4) {
        PyErr_SetString(PyExc_TypeError, "Maker: four slot descriptors");
        return NULL;
    }
    for (int i = 0; i < 4; i++)
        if (Py_TYPE(PyTuple_GET_ITEM(descs, i))->tp_descr_set == NULL) {
            PyErr_SetString(PyExc_TypeError, "Maker: a descriptor cannot set");
            return NULL;
        }
    Maker *mk = (Maker *)type->tp_alloc(type, 0);
    if (mk == NULL) return NULL;
    mk->cls = (PyTypeObject *)Py_NewRef(cls);
    mk->names = Py_NewRef(names);
    mk->fields_set = Py_NewRef(fields_set);
    mk->d_dict = Py_NewRef(PyTuple_GET_ITEM(descs, 0));
    mk->d_fields = Py_NewRef(PyTuple_GET_ITEM(descs, 1));
    mk->d_extra = Py_NewRef(PyTuple_GET_ITEM(descs, 2));
    mk->d_private = Py_NewRef(PyTuple_GET_ITEM(descs, 3));
    return (PyObject *)mk;
}

static void Maker_dealloc(Maker *mk) {
    Py_CLEAR(mk->cls);
    Py_CLEAR(mk->names);
    Py_CLEAR(mk->fields_set);
    Py_CLEAR(mk->d_dict);
    Py_CLEAR(mk->d_fields);
    Py_CLEAR(mk->d_extra);
    Py_CLEAR(mk->d_private);
    Py_TYPE(mk)->tp_free((PyObject *)mk);
}

static inline int set_slot(PyObject *desc, PyObject *obj, PyObject *value) {
    return Py_TYPE(desc)->tp_descr_set(desc, obj, value);
}

static PyObject *Maker_call(Maker *mk, PyObject *args, PyObject *kw) {
    Py_ssize_t n = PyTuple_GET_SIZE(mk->names);
    if (kw != NULL || PyTuple_GET_SIZE(args) != n) {
        PyErr_Format(PyExc_TypeError, "%s: %zd positional values", mk->cls->tp_name, n);
        return NULL;
    }
    PyObject *values = _PyDict_NewPresized(n), *fields = NULL, *obj = NULL;
    if (values == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyDict_SetItem(values, PyTuple_GET_ITEM(mk->names, i), PyTuple_GET_ITEM(args, i)) < 0) goto fail;
    fields = PySet_New(mk->fields_set);
    obj = fields ? mk->cls->tp_alloc(mk->cls, 0) : NULL;
    if (obj == NULL || set_slot(mk->d_dict, obj, values) < 0 || set_slot(mk->d_fields, obj, fields) < 0 ||
        set_slot(mk->d_extra, obj, Py_None) < 0 || set_slot(mk->d_private, obj, Py_None) < 0)
        goto fail;
    Py_DECREF(values);
    Py_DECREF(fields);
    return obj;
fail:
    Py_XDECREF(obj);
    Py_XDECREF(fields);
    Py_DECREF(values);
    return NULL;
}

PyTypeObject MakerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "services.enrich._scan.Maker",
    .tp_basicsize = sizeof(Maker),
    .tp_dealloc = (destructor)Maker_dealloc,
    .tp_call = (ternaryfunc)Maker_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Maker(cls, names, fields_set, descriptors)(*values): a model instance, not validated (output.py).",
    .tp_new = Maker_new,
};

