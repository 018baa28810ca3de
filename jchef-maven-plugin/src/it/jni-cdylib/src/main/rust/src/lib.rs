//! A native method for dev.jchef.it.Native: JNI's raw types need no `jni` crate.

use std::ffi::c_void;

#[no_mangle]
pub extern "system" fn Java_dev_jchef_it_Native_answer(_env: *mut c_void, _class: *mut c_void) -> i32 {
    chef_extra::extra() as i32
}
